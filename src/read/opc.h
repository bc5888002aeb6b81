/* opc.h -- Open Packaging Conventions relationships (ECMA-376 part 2).
 *
 * An OOXML part names the parts it uses through its relationships part
 * ('word/_rels/document.xml.rels' for 'word/document.xml', '_rels/.rels'
 * for the package). Targets are resolved here against the source part's
 * folder into package part names ('word/media/image1.png'); external
 * targets (hyperlinks) are kept as written.
 *
 * Types are kept as their last path segment ("officeDocument", "styles",
 * "header"), which is the same in the transitional
 * (http://schemas.openxmlformats.org/...) and strict
 * (http://purl.oclc.org/ooxml/...) vocabularies, except where strict
 * spells a word differently (air_opc_type_is knows those). */
#ifndef AIR_READ_OPC_H
#define AIR_READ_OPC_H

#include <stdbool.h>
#include <stddef.h>

#include "airead.h"
#include "pkg/pkg.h"
#include "util/arena.h"

typedef struct air_opc_rel {
    const char *id;
    const char *type;   /* last segment of the type URI */
    const char *target; /* part name, or the raw target when external */
    bool external;
    bool used; /* free for the reader: e.g. "already read" */
} air_opc_rel;

typedef struct air_opc_rels {
    air_opc_rel *v;
    size_t n;
    air_opc_rel **by_id; /* v sorted by id, for air_opc_by_id */
} air_opc_rels;

/* Reads the relationships of part 'source' ("" for the package itself)
 * into out, strings in arena 'a'. A missing relationships part gives no
 * relationships and AIR_OK; malformed XML is an error. At most 100,000
 * relationships (AIR_ELIMIT past that). */
air_status air_opc_read_rels(air_opc_rels *out, air_pkg *pkg,
                             const char *source, air_arena *a);

/* The relationship with id 'id' (the first one when ids repeat), or
 * NULL. O(log n). */
air_opc_rel *air_opc_by_id(const air_opc_rels *r, const char *id);

/* The first relationship of type 'type' (see air_opc_type_is), or NULL. */
const air_opc_rel *air_opc_by_type(const air_opc_rels *r, const char *type);

/* True when a stored type names 'type' in either vocabulary (strict's
 * "extendedProperties" is transitional's "extended-properties"). */
bool air_opc_type_is(const char *stored, const char *type);

/* Resolves 'target' against the folder of part 'source' into a part name
 * in 'a' ("/word/x.xml" is absolute; "../media/a.png" climbs; "%20" is
 * decoded). NULL when out of memory. */
const char *air_opc_resolve(air_arena *a, const char *source,
                            const char *target);

#endif
