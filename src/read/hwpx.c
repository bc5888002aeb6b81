/* hwpx.c -- HWPX (OWPML, KS X 6101) reader. */
#include "config.h"

#include "read/read.h"
#include "util/error.h"

air_status air_read_hwpx(air_doc *doc, air_pkg *pkg)
{
    (void)doc;
    return air_error(AIR_EUNSUPPORTED, "%s: HWPX reader not written yet",
                     air_pkg_name(pkg));
}
