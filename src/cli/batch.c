/* batch.c -- worker processes, deadlines and ordered replies (batch.h).
 *
 * Messages on the pipes, in host byte order (both ends are this program):
 *   parent -> worker  job:   u64 seq, u32 kind, u32 len, path[len]
 *   worker -> parent  reply: u64 seq, u32 code, u32 len, data[len]
 * A worker handles one job at a time; the parent waits on every reply
 * pipe with poll(2), reads what is there without blocking and keeps
 * partial messages per worker. */
#include "config.h"

#include "cli/batch.h"

#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "cli/cli.h"

/* A reply larger than this is not a report (the finding cap keeps a real
 * one far below): the worker is stopped and the file reported. */
#define MAX_REPLY ((size_t)1 << 30)

/* ASan reserves terabytes of address space for its shadow memory, so an
 * address-space cap cannot work under it: sanitizer builds leave
 * --max-memory unenforced (the tests know). */
#if defined(__SANITIZE_ADDRESS__)
#define NO_RLIMIT_AS 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define NO_RLIMIT_AS 1
#endif
#endif

typedef struct msg_head {
    uint64_t seq;
    uint32_t code;
    uint32_t len;
} msg_head;

/* ---- small helpers ------------------------------------------------------- */

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static bool write_all(int fd, const void *p, size_t n)
{
    const char *s = p;
    while (n > 0) {
        ssize_t k = write(fd, s, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return false;
        s += k;
        n -= (size_t)k;
    }
    return true;
}

/* A message head and its body in one system call where the pipe takes it
 * whole: with two writes the reader could wake up for the head alone and
 * sleep again for the body. */
static bool write_msg(int fd, const msg_head *h, const void *body, size_t n)
{
    struct iovec iov[2] = { { (void *)h, sizeof *h }, { (void *)body, n } };
    ssize_t k;
    do
        k = writev(fd, iov, n ? 2 : 1);
    while (k < 0 && errno == EINTR);
    if (k < 0)
        return false;
    size_t done = (size_t)k;
    if (done < sizeof *h)
        return write_all(fd, (const char *)h + done, sizeof *h - done) &&
               write_all(fd, body, n);
    done -= sizeof *h;
    return write_all(fd, (const char *)body + done, n - done);
}

static bool read_all(int fd, void *p, size_t n)
{
    char *s = p;
    while (n > 0) {
        ssize_t k = read(fd, s, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return false;
        s += k;
        n -= (size_t)k;
    }
    return true;
}

unsigned batch_cpus(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 256 ? 256 : (unsigned)n;
}

void batch_size_text(char *out, size_t n, uint64_t b)
{
    static const char *const unit[] = { "bytes", "KiB", "MiB", "GiB",
                                        "TiB" };
    int u = 0;
    double v = (double)b;
    while (v >= 1024 && u < 4) {
        v /= 1024;
        u++;
    }
    if (u == 0 || v == floor(v))
        snprintf(out, n, "%.0f %s", v, unit[u]);
    else
        snprintf(out, n, "%.1f %s", v, unit[u]);
}

int batch_parse_size(uint64_t *out, const char *s)
{
    char *end = NULL;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || errno || v < 0 || !isfinite(v))
        return -1;
    double mul = 1;
    switch (*end) {
    case 'k': case 'K': mul = 1024.0; end++; break;
    case 'm': case 'M': mul = 1024.0 * 1024; end++; break;
    case 'g': case 'G': mul = 1024.0 * 1024 * 1024; end++; break;
    case 't': case 'T': mul = 1024.0 * 1024 * 1024 * 1024; end++; break;
    default: break;
    }
    if (mul > 1 && *end == 'i')
        end++;
    if (*end == 'B' || *end == 'b')
        end++;
    if (*end != '\0' || v * mul > 1e18)
        return -1;
    *out = (uint64_t)(v * mul);
    return 0;
}

int batch_parse_seconds(double *out, const char *s)
{
    char *end = NULL;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || *end || errno || v < 0 || !isfinite(v) || v > 1e7)
        return -1;
    *out = v;
    return 0;
}

/* ---- the worker process ---------------------------------------------------- */

typedef struct worker {
    pid_t pid;   /* 0: slot free */
    int to;      /* job pipe, parent's end */
    int from;    /* reply pipe, parent's end */
    bool busy;
    uint64_t seq;
    double deadline;
    char *buf;   /* reply bytes read so far */
    size_t len, cap;
} worker;

static void worker_main(const batch_opts *o, const batch_ops *ops, void *ctx,
                        int in, int out)
{
    /* A worker stops on these as the parent does (what the parent
     * ignores, as a background job does SIGINT, it ignores too), removing
     * the cache entry it may be writing; it follows a parent that ended
     * (SIGTERM, not SIGKILL, so that it too leaves no temporary file). */
    signal(SIGPIPE, SIG_DFL); /* the parent ignores it while it runs */
    cli_catch_signals();
#ifdef __linux__
    prctl(PR_SET_PDEATHSIG, SIGTERM);
#endif
    /* Standard input belongs to the parent (--files-from -); a document
     * on it was read before the workers started. */
    int devnull = open("/dev/null", O_RDONLY);
    if (devnull >= 0) {
        dup2(devnull, 0);
        close(devnull);
    }
#ifndef NO_RLIMIT_AS
    if (o->max_memory) {
        struct rlimit rl = { (rlim_t)o->max_memory, (rlim_t)o->max_memory };
        setrlimit(RLIMIT_AS, &rl);
    }
#else
    (void)o;
#endif
    char *path = NULL;
    for (;;) {
        msg_head h;
        if (!read_all(in, &h, sizeof h))
            break;
        char *p = realloc(path, (size_t)h.len + 1);
        if (p == NULL)
            break;
        path = p;
        if (!read_all(in, path, h.len))
            break;
        path[h.len] = '\0';
        batch_job j = { h.seq, (in_kind)h.code, path };
        char *data = NULL;
        size_t len = 0;
        FILE *reply = open_memstream(&data, &len);
        int code = reply ? ops->work(ctx, &j, reply) : BATCH_FATAL;
        if (reply == NULL || fclose(reply) != 0) {
            free(data);
            break;
        }
        msg_head r = { h.seq, (uint32_t)code, (uint32_t)len };
        bool ok = len <= MAX_REPLY && write_msg(out, &r, data, len);
        free(data);
        if (!ok || (code & BATCH_RETIRE))
            break;
    }
    free(path);
    _exit(0); /* never flush the parent's stdio buffers */
}

/* ---- the parent -------------------------------------------------------------- */

enum { SLOT_FREE = 0, SLOT_PENDING, SLOT_RUNNING, SLOT_DONE, SLOT_FAILED };

typedef struct slot {
    int state;
    batch_job job;
    char *path;
    int code;        /* SLOT_DONE: the reply code */
    char *data;      /* SLOT_DONE: the reply; SLOT_FAILED: the message */
    size_t len;
    air_status st;   /* SLOT_FAILED */
    uint64_t bytes;  /* SLOT_PENDING: the file's size, to order dispatch */
} slot;

typedef struct run {
    const batch_opts *o;
    const batch_ops *ops;
    void *ctx;
    inputs *in;
    worker *w;
    unsigned nw;
    slot *slots;
    size_t window;
    uint64_t next_seq;      /* the next input gets this number */
    uint64_t next_dispatch; /* the next job to hand to a worker */
    uint64_t next_emit;     /* the next job to pass on */
    bool inputs_done, inputs_wait;
    bool over_budget;
    double start;
    int stop;               /* a callback's exit status */
    batch_stats *stats;
    /* progress */
    uint64_t counted;
    bool counted_all;
    double last_draw;
    bool drawn;
} run;

static slot *slot_of(run *r, uint64_t seq)
{
    return &r->slots[seq % r->window];
}

static void fail_slot(run *r, slot *s, air_status st, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void fail_slot(run *r, slot *s, air_status st, const char *fmt, ...)
{
    (void)r;
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    free(s->data);
    s->data = strdup(msg);
    s->len = s->data ? strlen(s->data) : 0;
    s->state = SLOT_FAILED;
    s->st = st;
}

static bool spawn(run *r, worker *w)
{
    int jp[2], rp[2];
    if (pipe(jp) != 0)
        return false;
    if (pipe(rp) != 0) {
        close(jp[0]);
        close(jp[1]);
        return false;
    }
    fflush(NULL); /* nothing buffered gets written twice */
    pid_t pid = fork();
    if (pid < 0) {
        close(jp[0]);
        close(jp[1]);
        close(rp[0]);
        close(rp[1]);
        return false;
    }
    if (pid == 0) {
        close(jp[1]);
        close(rp[0]);
        /* Other workers' pipes: holding them would hide their EOFs. */
        for (unsigned i = 0; i < r->nw; i++)
            if (r->w[i].pid > 0 && &r->w[i] != w) {
                close(r->w[i].to);
                close(r->w[i].from);
            }
        worker_main(r->o, r->ops, r->ctx, jp[0], rp[1]);
    }
    close(jp[0]);
    close(rp[1]);
    fcntl(jp[1], F_SETFD, FD_CLOEXEC);
    fcntl(rp[0], F_SETFD, FD_CLOEXEC);
    fcntl(rp[0], F_SETFL, fcntl(rp[0], F_GETFL) | O_NONBLOCK);
    w->pid = pid;
    w->to = jp[1];
    w->from = rp[0];
    w->busy = false;
    w->len = 0;
    return true;
}

/* Stops worker 'w' (killed when 'kill_it') and frees its slot. */
static int reap(worker *w, bool kill_it)
{
    int status = 0;
    if (kill_it)
        kill(w->pid, SIGKILL);
    close(w->to);
    close(w->from);
    while (waitpid(w->pid, &status, 0) < 0 && errno == EINTR)
        ;
    w->pid = 0;
    w->busy = false;
    w->len = 0;
    return status;
}

static void send_job(run *r, worker *w, slot *s)
{
    msg_head h = { s->job.seq, (uint32_t)s->job.kind,
                   (uint32_t)strlen(s->job.path) };
    /* A write to a worker that just died fails with EPIPE (SIGPIPE is
     * ignored while the batch runs); its EOF is seen right after. */
    if (!write_msg(w->to, &h, s->job.path, h.len)) {
        int status = reap(w, true);
        fail_slot(r, s, AIR_EINTERNAL, "%s: a worker stopped (status %d)",
                  s->job.path, status);
        r->stats->killed++;
        return;
    }
    w->busy = true;
    w->seq = s->job.seq;
    w->deadline = r->o->timeout > 0 ? now() + r->o->timeout : 0;
    w->len = 0;
    s->state = SLOT_RUNNING;
}

static void budget_text(char *out, size_t n, double secs)
{
    if (secs == floor(secs))
        snprintf(out, n, "%.0f s", secs);
    else
        snprintf(out, n, "%g s", secs);
}

/* What a worker that ended on job 's' leaves: the reason for the file. */
static void lost(run *r, slot *s, int status)
{
    r->stats->killed++;
    if (WIFSIGNALED(status)) {
        char mem[32] = "";
        if (r->o->max_memory)
            batch_size_text(mem, sizeof mem, r->o->max_memory);
        fail_slot(r, s, AIR_EINTERNAL,
                  "%s: stopped by signal %d while reading it%s%s%s",
                  s->job.path, WTERMSIG(status),
                  mem[0] ? " (the memory limit is " : "", mem,
                  mem[0] ? ")" : "");
    } else {
        fail_slot(r, s, AIR_EINTERNAL, "%s: the worker reading it ended "
                  "(exit status %d)", s->job.path,
                  WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    }
}

/* Reads what worker 'w' has sent; completes its job when a whole reply
 * is there. */
static void drain(run *r, worker *w)
{
    for (;;) {
        if (w->len == w->cap) {
            size_t cap = w->cap ? w->cap * 2 : 65536;
            char *b = cap <= MAX_REPLY + sizeof(msg_head)
                          ? realloc(w->buf, cap)
                          : NULL;
            if (b == NULL) {
                slot *s = slot_of(r, w->seq);
                reap(w, true);
                r->stats->killed++;
                fail_slot(r, s, AIR_EINTERNAL, "%s: the result is too large",
                          s->job.path);
                return;
            }
            w->buf = b;
            w->cap = cap;
        }
        ssize_t k = read(w->from, w->buf + w->len, w->cap - w->len);
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        if (k <= 0) {
            bool busy = w->busy;
            uint64_t seq = w->seq;
            int status = reap(w, false);
            if (busy)
                lost(r, slot_of(r, seq), status);
            return;
        }
        w->len += (size_t)k;
        if (w->len < sizeof(msg_head))
            continue;
        msg_head h;
        memcpy(&h, w->buf, sizeof h);
        if (w->len < sizeof h + h.len)
            continue;
        slot *s = slot_of(r, h.seq);
        if (!w->busy || h.seq != w->seq || s->state != SLOT_RUNNING) {
            reap(w, true); /* out of step: a bug; the file is lost */
            if (w->busy)
                lost(r, slot_of(r, w->seq), 0);
            return;
        }
        s->code = (int)h.code;
        s->len = h.len;
        s->data = malloc(h.len + 1);
        if (s->data == NULL) {
            fail_slot(r, s, AIR_ENOMEM, "%s: out of memory", s->job.path);
        } else {
            memcpy(s->data, w->buf + sizeof h, h.len);
            s->data[h.len] = '\0';
            s->state = SLOT_DONE;
        }
        w->busy = false;
        size_t rest = w->len - sizeof h - h.len;
        memmove(w->buf, w->buf + sizeof h + h.len, rest);
        w->len = rest;
        if (h.code & BATCH_RETIRE) {
            reap(w, false);
            return;
        }
        if (w->cap > (1u << 20) && w->len < (1u << 16)) {
            free(w->buf); /* give a huge reply's buffer back */
            w->buf = NULL;
            w->cap = 0;
            if (w->len) {
                w->len = 0; /* cannot happen: one job at a time */
            }
        }
    }
}

/* ---- progress ---------------------------------------------------------------- */

static void draw(run *r, bool final)
{
    double t = now();
    /* Nothing for a run that is over in a second (a hook, a few files). */
    if (!final && (t - r->last_draw < 0.2 || t - r->start < 1.0))
        return;
    r->last_draw = t;
    double el = t - r->start;
    uint64_t done = r->next_emit;
    double rate = el > 0 ? (double)done / el : 0;
    bool en = r->o->lang == AIR_LANG_EN;
    if (final) {
        if (r->drawn)
            fputs("\r\033[K", stderr);
        return;
    }
    uint64_t total = r->counted_all ? r->counted
                                    : (r->counted > r->next_seq ? r->counted
                                                                : r->next_seq);
    bool known = r->counted_all || (r->inputs_done && r->o->counter == NULL);
    if (r->inputs_done && total < r->next_seq)
        total = r->next_seq;
    char eta[64] = "";
    if (known && rate > 0 && total >= done) {
        unsigned long s = (unsigned long)((double)(total - done) / rate);
        snprintf(eta, sizeof eta, en ? ", ETA %lu:%02lu" : ", 남은 시간 %lu:%02lu",
                 s / 60, s % 60);
    }
    fprintf(stderr, en ? "\r\033[Kairead: %llu/%llu%s files, %.1f files/s%s"
                       : "\r\033[Kairead: %llu/%llu%s 파일, 초당 %.1f개%s",
            (unsigned long long)done, (unsigned long long)total,
            known ? "" : "+", rate, eta);
    fflush(stderr);
    r->drawn = true;
}

/* Lets the counting walk run ahead a little (progress only). */
static void count_ahead(run *r, int steps)
{
    if (r->o->counter == NULL || r->counted_all)
        return;
    for (int i = 0; i < steps; i++) {
        in_item it;
        int k = inputs_next(r->o->counter, &it, true);
        if (k == IN_END) {
            r->counted_all = true;
            return;
        }
        if (k == IN_WAIT)
            return;
        if (it.kind != IN_ERROR)
            r->counted++;
    }
}

/* ---- the loop ------------------------------------------------------------------ */

/* Reads inputs into free slots of the window, without blocking. */
static void fill(run *r, bool may_read)
{
    r->inputs_wait = false;
    while (!r->inputs_done && r->next_seq - r->next_emit < r->window) {
        in_item it;
        int k = inputs_next(r->in, &it, may_read);
        may_read = false;
        if (k == IN_END) {
            r->inputs_done = true;
            break;
        }
        if (k == IN_WAIT) {
            r->inputs_wait = true;
            break;
        }
        slot *s = slot_of(r, r->next_seq);
        memset(s, 0, sizeof *s);
        s->path = strdup(it.path);
        s->job.seq = r->next_seq++;
        s->job.kind = it.kind;
        s->job.path = s->path ? s->path : "";
        s->state = SLOT_PENDING;
        struct stat st;
        if ((it.kind == IN_NAMED || it.kind == IN_WALKED) &&
            stat(s->job.path, &st) == 0 && S_ISREG(st.st_mode))
            s->bytes = (uint64_t)st.st_size;
        if (it.kind == IN_ERROR)
            fail_slot(r, s, AIR_EIO, "%s", it.error);
        else if (r->over_budget)
            fail_slot(r, s, AIR_ETIMEOUT, "%s: not checked: over the time "
                      "budget", s->job.path);
    }
}

/* The next file to hand out: with several workers, the largest pending
 * file of the window. Largest first (longest-processing-time order) keeps
 * one worker from finishing a big file alone at the end while the others
 * idle; results are still passed on in input order. One worker takes the
 * files in input order, which is what a time budget then cuts. NULL when
 * nothing is pending. */
static slot *next_job(run *r)
{
    while (r->next_dispatch < r->next_seq &&
           slot_of(r, r->next_dispatch)->state != SLOT_PENDING)
        r->next_dispatch++;
    if (r->nw < 2)
        return r->next_dispatch < r->next_seq
                   ? slot_of(r, r->next_dispatch) : NULL;
    slot *best = NULL;
    for (uint64_t q = r->next_dispatch; q < r->next_seq; q++) {
        slot *s = slot_of(r, q);
        if (s->state == SLOT_PENDING && (best == NULL || s->bytes > best->bytes))
            best = s;
    }
    return best;
}

static void dispatch(run *r)
{
    slot *s;
    while (!r->over_budget && (s = next_job(r)) != NULL) {
        worker *w = NULL;
        for (unsigned i = 0; i < r->nw && w == NULL; i++)
            if (r->w[i].pid > 0 && !r->w[i].busy)
                w = &r->w[i];
        for (unsigned i = 0; i < r->nw && w == NULL; i++)
            if (r->w[i].pid == 0) {
                if (!spawn(r, &r->w[i])) {
                    fail_slot(r, s, AIR_EINTERNAL, "%s: cannot start a "
                              "worker process: %s", s->job.path,
                              strerror(errno));
                    break;
                }
                w = &r->w[i];
            }
        if (w == NULL)
            break;
        send_job(r, w, s);
    }
}

/* Passes finished files on, in order. */
static void emit(run *r)
{
    while (r->next_emit < r->next_seq && r->stop == 0) {
        slot *s = slot_of(r, r->next_emit);
        if (s->state != SLOT_DONE && s->state != SLOT_FAILED)
            break;
        if (r->drawn && r->o->clear_line) {
            fputs("\r\033[K", stderr);
            r->drawn = false;
            r->last_draw = 0;
        }
        int rc = 0;
        if (s->state == SLOT_FAILED) {
            rc = r->ops->failed(r->ctx, &s->job, s->st,
                                s->data ? s->data : s->job.path);
            r->stats->files++;
        } else if ((s->code & 15) == BATCH_SKIPPED) {
            r->stats->skipped++;
        } else if ((s->code & 15) == BATCH_FATAL) {
            cli_error("%s", s->data);
            rc = AIR_EXIT_USAGE;
        } else {
            rc = r->ops->done(r->ctx, &s->job, s->code, s->data, s->len);
            r->stats->files++;
        }
        free(s->data);
        free(s->path);
        memset(s, 0, sizeof *s);
        r->next_emit++;
        if (rc != 0)
            r->stop = rc;
    }
}

static void check_deadlines(run *r)
{
    double t = now();
    if (r->o->budget > 0 && !r->over_budget &&
        t - r->start >= r->o->budget) {
        r->over_budget = true;
        char b[32];
        budget_text(b, sizeof b, r->o->budget);
        for (unsigned i = 0; i < r->nw; i++) {
            worker *w = &r->w[i];
            if (w->pid == 0)
                continue;
            bool busy = w->busy;
            uint64_t seq = w->seq;
            reap(w, true);
            if (busy) {
                slot *s = slot_of(r, seq);
                fail_slot(r, s, AIR_ETIMEOUT, "%s: over the time budget of "
                          "%s", s->job.path, b);
            }
        }
        for (uint64_t q = r->next_emit; q < r->next_seq; q++) {
            slot *s = slot_of(r, q);
            if (s->state == SLOT_PENDING)
                fail_slot(r, s, AIR_ETIMEOUT, "%s: not checked: over the "
                          "time budget of %s", s->job.path, b);
        }
        return;
    }
    for (unsigned i = 0; i < r->nw; i++) {
        worker *w = &r->w[i];
        if (w->pid == 0 || !w->busy || w->deadline == 0 || t < w->deadline)
            continue;
        slot *s = slot_of(r, w->seq);
        reap(w, true);
        r->stats->killed++;
        char b[32];
        budget_text(b, sizeof b, r->o->timeout);
        fail_slot(r, s, AIR_ETIMEOUT, "%s: over the time limit of %s",
                  s->job.path, b);
    }
}

/* Waits for replies, deadlines, the inputs or the progress tick. */
static void wait_events(run *r)
{
    struct pollfd pf[257 + 1];
    worker *who[257];
    nfds_t n = 0;
    for (unsigned i = 0; i < r->nw && n < 256; i++)
        if (r->w[i].pid > 0) {
            pf[n].fd = r->w[i].from;
            pf[n].events = POLLIN;
            who[n++] = &r->w[i];
        }
    int from = r->inputs_wait ? inputs_fd(r->in) : -1;
    nfds_t infd = n;
    if (from >= 0) {
        pf[n].fd = from;
        pf[n].events = POLLIN;
        n++;
    }
    double t = now(), until = -1;
    for (unsigned i = 0; i < r->nw; i++)
        if (r->w[i].pid > 0 && r->w[i].busy && r->w[i].deadline > 0 &&
            (until < 0 || r->w[i].deadline < until))
            until = r->w[i].deadline;
    if (r->o->budget > 0 && !r->over_budget &&
        (until < 0 || r->start + r->o->budget < until))
        until = r->start + r->o->budget;
    if (r->o->progress && (until < 0 || t + 0.2 < until))
        until = t + 0.2;
    int ms = until < 0 ? -1 : (int)ceil((until - t) * 1000);
    if (ms < 0 && until >= 0)
        ms = 0;
    /* The counting walk uses the time the workers leave the parent. */
    if (r->o->progress && r->o->counter && !r->counted_all)
        ms = 0;
    int k = poll(pf, n, ms);
    if (k <= 0) {
        if (r->o->progress)
            count_ahead(r, 200);
        return;
    }
    for (nfds_t i = 0; i < infd; i++)
        if (pf[i].revents)
            drain(r, who[i]);
    if (from >= 0 && pf[infd].revents)
        fill(r, true);
}

int batch_run(const batch_opts *o, const batch_ops *ops, void *ctx,
              inputs *in, batch_stats *stats)
{
    run r;
    memset(&r, 0, sizeof r);
    memset(stats, 0, sizeof *stats);
    r.o = o;
    r.ops = ops;
    r.ctx = ctx;
    r.in = in;
    r.stats = stats;
    r.nw = o->jobs < 1 ? 1 : o->jobs > 256 ? 256 : o->jobs;
    r.window = r.nw * 64 < 256 ? 256 : (size_t)r.nw * 64;
    r.w = calloc(r.nw, sizeof *r.w);
    r.slots = calloc(r.window, sizeof *r.slots);
    if (r.w == NULL || r.slots == NULL) {
        free(r.w);
        free(r.slots);
        cli_error("out of memory");
        return AIR_EXIT_INTERNAL;
    }
    struct sigaction ign, old_pipe;
    memset(&ign, 0, sizeof ign);
    ign.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &ign, &old_pipe);
    r.start = now();
    for (;;) {
        fill(&r, false);
        check_deadlines(&r);
        dispatch(&r);
        emit(&r);
        if (r.stop)
            break;
        if (r.inputs_done && r.next_emit == r.next_seq)
            break;
        if (o->progress)
            draw(&r, false);
        /* Something to wait for: a worker, the inputs or a deadline. */
        bool any = r.inputs_wait;
        for (unsigned i = 0; i < r.nw && !any; i++)
            any = r.w[i].pid > 0 && r.w[i].busy;
        if (!any && r.next_dispatch >= r.next_seq && !r.inputs_wait &&
            r.next_emit < r.next_seq) {
            /* nothing runs and nothing can: mark the rest lost */
            for (uint64_t q = r.next_emit; q < r.next_seq; q++) {
                slot *s = slot_of(&r, q);
                if (s->state == SLOT_PENDING || s->state == SLOT_RUNNING)
                    fail_slot(&r, s, AIR_EINTERNAL, "%s: not checked",
                              s->job.path);
            }
            continue;
        }
        if (!any && !r.inputs_wait)
            continue;
        wait_events(&r);
    }
    if (o->progress)
        draw(&r, true);
    for (unsigned i = 0; i < r.nw; i++) {
        if (r.w[i].pid > 0)
            reap(&r.w[i], r.stop != 0 || r.w[i].busy);
        free(r.w[i].buf);
    }
    for (size_t i = 0; i < r.window; i++) {
        free(r.slots[i].data);
        free(r.slots[i].path);
    }
    sigaction(SIGPIPE, &old_pipe, NULL);
    stats->seconds = now() - r.start;
    free(r.w);
    free(r.slots);
    return r.stop;
}
