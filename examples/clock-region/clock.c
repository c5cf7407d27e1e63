/* clock: a brainhost region written in plain C that answers date and time questions.
 *
 * It is the SDK's worked example: one exported entry symbol, a static descriptor, a create
 * that reads a setting, a turn that reads the user's line and the turn's clock, sets an
 * intent tag and answers. It builds out of tree against the installed SDK:
 *
 *   cmake -S examples/clock-region -B build-clock -DCMAKE_PREFIX_PATH=<sdk prefix>
 *
 * It recognises a question by its words ("what day is it", "what's the date", "what time is
 * it now"), not by exact phrases, and leaves alone sentences about someone's day or time
 * ("my day was long", "what time does your shop open" is not about the clock's time).
 * Settings: utc = "true" answers in UTC instead of the local time zone.
 */
#define _POSIX_C_SOURCE 200809L /* localtime_r, gmtime_r */

#include <brainhost/region.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { MAX_WORDS = 32, MAX_WORD = 24 };

typedef struct clock_region {
    bh_region region;
    const bh_host *host;
    int utc;
} clock_region;

typedef struct words {
    int count;
    char word[MAX_WORDS][MAX_WORD];
} words;

/* Lower-cased ASCII words of the line; anything else separates words. */
static void split_words(const char *text, size_t size, words *out) {
    size_t i = 0;
    out->count = 0;
    while (i < size && out->count < MAX_WORDS) {
        size_t len = 0;
        while (i < size && !isalpha((unsigned char)text[i]) && text[i] != '\'') ++i;
        while (i < size && (isalpha((unsigned char)text[i]) || text[i] == '\'')) {
            if (len + 1 < MAX_WORD) out->word[out->count][len++] = (char)tolower((unsigned char)text[i]);
            ++i;
        }
        if (len > 0) out->word[out->count++][len] = '\0';
    }
}

static int has(const words *w, const char *word) {
    int i;
    for (i = 0; i < w->count; ++i) {
        if (strcmp(w->word[i], word) == 0) return 1;
    }
    return 0;
}

typedef enum ask { ASK_NONE, ASK_DATE, ASK_DAY, ASK_TIME, ASK_YEAR } ask;

static ask classify(const words *w) {
    int question = has(w, "what") || has(w, "what's") || has(w, "whats") || has(w, "which") ||
                   has(w, "tell") || has(w, "know");
    int about_someone = has(w, "my") || has(w, "your") || has(w, "his") || has(w, "her") ||
                        has(w, "their") || has(w, "does") || has(w, "did");
    int now = has(w, "it") || has(w, "now") || has(w, "today") || has(w, "the");
    if (!question || about_someone) return ASK_NONE;
    if (has(w, "time") && now) return ASK_TIME;
    if (has(w, "date") || has(w, "today's")) return ASK_DATE;
    if (has(w, "day") && (has(w, "today") || has(w, "it"))) return ASK_DAY;
    if (has(w, "year") && (has(w, "it") || has(w, "now"))) return ASK_YEAR;
    return ASK_NONE;
}

static bh_status clock_turn(const bh_region *region, const bh_turn *turn, bh_error *err) {
    const clock_region *self = (const clock_region *)region->region_data;
    words w;
    char reply[128];
    struct tm tm;
    time_t now = (time_t)(turn->now_unix_ms / 1000);
    ask kind;
    bh_status status;

    split_words(turn->user_text, turn->user_text_size, &w);
    kind = classify(&w);
    if (kind == ASK_NONE) return BH_OK;

    status = turn->set_tag(turn, "time");
    if (status != BH_OK) {
        snprintf(err->message, err->capacity, "cannot set tag 'time' (status %d)", (int)status);
        return status;
    }
    if ((self->utc ? gmtime_r(&now, &tm) : localtime_r(&now, &tm)) == NULL) {
        snprintf(err->message, err->capacity, "the turn's time %lld is out of range",
                 (long long)turn->now_unix_ms);
        return BH_ERR_INVALID_ARGUMENT;
    }
    switch (kind) {
        case ASK_TIME: strftime(reply, sizeof reply, "it is %H:%M.", &tm); break;
        case ASK_DAY: strftime(reply, sizeof reply, "today is %A.", &tm); break;
        case ASK_YEAR: strftime(reply, sizeof reply, "it is %Y.", &tm); break;
        default: strftime(reply, sizeof reply, "today is %A, %d %B %Y.", &tm); break;
    }
    return turn->answer(turn, reply, strlen(reply), 0.9);
}

static const void *clock_get_extension(const bh_region *region, const char *id) {
    (void)region;
    (void)id;
    return NULL;
}

static void clock_destroy(const bh_region *region) { free(region->region_data); }

static const bh_slot_decl clock_writes[] = {{"time", BH_SLOT_TAG}};

static const bh_region_descriptor clock_descriptor = {
    sizeof(bh_region_descriptor),
    BH_ABI_VERSION_INIT,
    "brainhost.clock",
    "clock",
    "1.0.0",
    "answers date and time questions from the turn's clock (an SDK example in plain C)",
    BH_CAP_ANSWER | BH_CAP_OBSERVE,
    NULL,
    0,
    clock_writes,
    sizeof clock_writes / sizeof clock_writes[0],
};

static uint32_t clock_region_count(void) { return 1; }

static const bh_region_descriptor *clock_get_descriptor(uint32_t index) {
    return index == 0 ? &clock_descriptor : NULL;
}

static bh_status clock_create(const char *region_id, const bh_host *host,
                              const bh_create_args *args, bh_region **out, bh_error *err) {
    clock_region *self;
    uint32_t i;
    if (strcmp(region_id, clock_descriptor.id) != 0) {
        snprintf(err->message, err->capacity, "no region '%s' in this library", region_id);
        return BH_ERR_NOT_FOUND;
    }
    self = (clock_region *)calloc(1, sizeof *self);
    if (self == NULL) {
        snprintf(err->message, err->capacity, "out of memory");
        return BH_ERR_NO_MEMORY;
    }
    for (i = 0; i < args->settings_count; ++i) {
        if (strcmp(args->settings[i].key, "utc") == 0) {
            self->utc = strcmp(args->settings[i].value, "true") == 0;
        }
    }
    self->host = host;
    self->region.struct_size = sizeof(bh_region);
    self->region.desc = &clock_descriptor;
    self->region.region_data = self;
    self->region.turn = clock_turn;
    self->region.get_extension = clock_get_extension;
    self->region.destroy = clock_destroy;
    *out = &self->region;
    return BH_OK;
}

static const bh_library clock_library = {
    sizeof(bh_library), BH_ABI_VERSION_INIT, clock_region_count, clock_get_descriptor,
    clock_create,
};

BH_EXPORT const bh_library *brainhost_library_entry(bh_abi_version host_abi) {
    (void)host_abi; /* the host checks our version against its own */
    return &clock_library;
}
