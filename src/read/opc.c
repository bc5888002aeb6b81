/* opc.c -- see opc.h. Consumes: Relationships/Relationship@Id,Type,
 * Target,TargetMode. */
#include "config.h"

#include "read/opc.h"

#include <stdlib.h>
#include <string.h>

#include "read/xml.h"
#include "util/error.h"

/* A real document has tens of relationships; a hundred thousand is an
 * attack on memory, not a document. */
enum { MAX_RELS = 100000 };

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

const char *air_opc_resolve(air_arena *a, const char *source,
                            const char *target)
{
    size_t sl = strlen(source), tl = strlen(target);
    char *out = air_arena_alloc(a, sl + tl + 2);
    if (out == NULL)
        return NULL;
    size_t n = 0;
    const char *t = target;
    if (*t == '/' || *t == '\\') {
        while (*t == '/' || *t == '\\')
            t++;
    } else {
        const char *slash = strrchr(source, '/');
        if (slash != NULL) {
            n = (size_t)(slash - source) + 1;
            memcpy(out, source, n);
        }
    }
    /* Append the target segment by segment: "." stays, ".." climbs. */
    while (*t) {
        const char *seg = t;
        while (*t && *t != '/' && *t != '\\')
            t++;
        size_t len = (size_t)(t - seg);
        if (len == 1 && seg[0] == '.') {
            /* nothing */
        } else if (len == 2 && seg[0] == '.' && seg[1] == '.') {
            if (n > 0)
                n--; /* the '/' ending the folder */
            while (n > 0 && out[n - 1] != '/')
                n--;
        } else if (len > 0) {
            for (size_t i = 0; i < len; i++) {
                int h1, h2;
                if (seg[i] == '%' && i + 2 < len &&
                    (h1 = hexval(seg[i + 1])) >= 0 &&
                    (h2 = hexval(seg[i + 2])) >= 0) {
                    out[n++] = (char)(h1 * 16 + h2);
                    i += 2;
                } else {
                    out[n++] = seg[i];
                }
            }
            if (*t)
                out[n++] = '/';
        }
        while (*t == '/' || *t == '\\')
            t++;
    }
    out[n] = '\0';
    return out;
}

static char *rels_name(const char *source)
{
    const char *slash = strrchr(source, '/');
    size_t dir = slash ? (size_t)(slash - source) + 1 : 0;
    size_t len = strlen(source);
    char *p = malloc(len + sizeof "_rels/.rels");
    if (p == NULL)
        return NULL;
    memcpy(p, source, dir);
    memcpy(p + dir, "_rels/", 6);
    memcpy(p + dir + 6, source + dir, len - dir);
    memcpy(p + dir + 6 + (len - dir), ".rels", 6);
    return p;
}

static int cmp_by_id(const void *a, const void *b)
{
    const air_opc_rel *x = *(air_opc_rel *const *)a;
    const air_opc_rel *y = *(air_opc_rel *const *)b;
    int c = strcmp(x->id, y->id);
    return c ? c : (x > y) - (x < y); /* the first of equal ids first */
}

air_status air_opc_read_rels(air_opc_rels *out, air_pkg *pkg,
                             const char *source, air_arena *a)
{
    out->v = NULL;
    out->n = 0;
    out->by_id = NULL;
    char *name = rels_name(source);
    if (name == NULL)
        return air_error(AIR_ENOMEM, "out of memory");
    air_opc_rel *v = NULL;
    size_t n = 0, cap = 0;
    air_xml x;
    air_status rc = AIR_OK;
    if (!air_pkg_has(pkg, name))
        goto done;
    rc = air_xml_open(&x, pkg, name);
    if (rc != AIR_OK)
        goto done;
    int more;
    while ((more = air_xml_next(&x)) == 1) {
        if (!air_xml_is_start(&x) || !air_xml_is(&x, "Relationship"))
            continue;
        if (n == MAX_RELS) {
            rc = air_error(AIR_ELIMIT,
                           "%s: %s: more than %d relationships "
                           "(limit)",
                           air_pkg_name(pkg), name, MAX_RELS);
            break;
        }
        if (n == cap) {
            size_t nc = cap ? cap * 2 : 16;
            air_opc_rel *nv = realloc(v, nc * sizeof *nv);
            if (nv == NULL) {
                rc = air_error(AIR_ENOMEM, "out of memory");
                break;
            }
            v = nv;
            cap = nc;
        }
        air_opc_rel *r = &v[n];
        const char *mode = air_xml_attr(&x, "TargetMode");
        r->external = mode != NULL && strcmp(mode, "External") == 0;
        r->used = false;
        const char *id = air_xml_attr(&x, "Id");
        r->id = air_arena_strdup(a, id ? id : "");
        const char *type = air_xml_attr(&x, "Type");
        const char *seg = type ? strrchr(type, '/') : NULL;
        r->type = air_arena_strdup(a, seg ? seg + 1 : type ? type : "");
        const char *target = air_xml_attr(&x, "Target");
        if (target == NULL)
            target = "";
        r->target = r->external ? air_arena_strdup(a, target)
                                : air_opc_resolve(a, source, target);
        if (r->id == NULL || r->type == NULL || r->target == NULL) {
            rc = air_error(AIR_ENOMEM, "out of memory");
            break;
        }
        n++;
    }
    if (rc == AIR_OK && more < 0)
        rc = more;
    air_xml_close(&x);
    if (rc == AIR_OK && n > 0) {
        out->v = air_arena_memdup(a, v, n * sizeof *v);
        out->by_id = air_arena_alloc(a, n * sizeof *out->by_id);
        if (out->v == NULL || out->by_id == NULL) {
            rc = air_error(AIR_ENOMEM, "out of memory");
        } else {
            out->n = n;
            for (size_t i = 0; i < n; i++)
                out->by_id[i] = &out->v[i];
            qsort(out->by_id, n, sizeof *out->by_id, cmp_by_id);
        }
    }
done:
    free(v);
    free(name);
    return rc;
}

air_opc_rel *air_opc_by_id(const air_opc_rels *r, const char *id)
{
    if (id == NULL)
        return NULL;
    size_t lo = 0, hi = r->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (strcmp(r->by_id[mid]->id, id) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < r->n && strcmp(r->by_id[lo]->id, id) == 0)
        return r->by_id[lo];
    return NULL;
}

bool air_opc_type_is(const char *stored, const char *type)
{
    if (strcmp(stored, type) == 0)
        return true;
    /* Strict writes some types in camel case. */
    if (strcmp(type, "extended-properties") == 0)
        return strcmp(stored, "extendedProperties") == 0;
    if (strcmp(type, "custom-properties") == 0)
        return strcmp(stored, "customProperties") == 0;
    if (strcmp(type, "core-properties") == 0)
        return strcmp(stored, "coreProperties") == 0;
    return false;
}

const air_opc_rel *air_opc_by_type(const air_opc_rels *r, const char *type)
{
    for (size_t i = 0; i < r->n; i++)
        if (air_opc_type_is(r->v[i].type, type))
            return &r->v[i];
    return NULL;
}
