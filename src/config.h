/* config.h -- included first by every .c file of airead.
 * The one place feature-test macros are set: C11 plus POSIX.1-2008
 * (open_memstream, strndup, getline, fileno, nftw). */
#ifndef AIR_CONFIG_H
#define AIR_CONFIG_H
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#endif
