/* rt_builtins_date.c — Date (ECMA-262 §21.4): time values are milliseconds
 * since the epoch in a double, split into fields by the spec's day/year
 * arithmetic (§21.4.1); local time comes from the C library's localtime_r
 * (tm_gmtoff), so daylight saving follows the host's TZ. Parsing accepts
 * the ISO format of §21.4.1.32 and the strings toString/toUTCString make;
 * toString prints like V8 ("Mon Nov 23 2026 18:25:00 GMT+0000
 * (Coordinated Universal Time)").
 */
#include <math.h>
#include <stdlib.h>
#include <sys/time.h>
#include <time.h>
#include "rt_builtins.h"

#define MS_PER_DAY 86400000.0

static const char *const day_names[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
static const char *const month_names[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

/* ---- time arithmetic (§21.4.1) ------------------------------------------------------------ */

static double day_of(double t) { return floor(t / MS_PER_DAY); }
static double days_in_year(double y) {
    if (fmod(y, 4) != 0) return 365;
    if (fmod(y, 100) != 0) return 366;
    if (fmod(y, 400) != 0) return 365;
    return 366;
}
static double day_from_year(double y) {
    return 365 * (y - 1970) + floor((y - 1969) / 4) - floor((y - 1901) / 100) + floor((y - 1601) / 400);
}
static double year_from_time(double t) {
    double y = floor(t / (MS_PER_DAY * 365.2425)) + 1970;
    while (day_from_year(y) * MS_PER_DAY > t) y--;
    while (day_from_year(y + 1) * MS_PER_DAY <= t) y++;
    return y;
}
static int month_start(int m, bool leap) {
    static const int starts[13] = { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365 };
    return starts[m] + (leap && m >= 2 ? 1 : 0);
}

typedef struct Fields { double year, month, date, hours, minutes, seconds, ms, weekday; } Fields;

static void split_time(double t, Fields *f) {
    double y = year_from_time(t);
    bool leap = days_in_year(y) == 366;
    int dwy = (int)(day_of(t) - day_from_year(y));
    int m = 0;
    while (m < 11 && dwy >= month_start(m + 1, leap)) m++;
    f->year = y;
    f->month = m;
    f->date = dwy - month_start(m, leap) + 1;
    double within = fmod(t, MS_PER_DAY);
    if (within < 0) within += MS_PER_DAY;
    within += 0.0;   /* fmod keeps the sign of a -0 remainder */
    f->hours = floor(within / 3600000.0);
    f->minutes = fmod(floor(within / 60000.0), 60);
    f->seconds = fmod(floor(within / 1000.0), 60);
    f->ms = fmod(within, 1000);
    double wd = fmod(day_of(t) + 4, 7);
    f->weekday = wd < 0 ? wd + 7 : wd;
}

static double make_time(double h, double m, double s, double ms) {
    if (!isfinite(h) || !isfinite(m) || !isfinite(s) || !isfinite(ms)) return NAN;
    return trunc(h) * 3600000.0 + trunc(m) * 60000.0 + trunc(s) * 1000.0 + trunc(ms);
}

static double make_day(double year, double month, double date) {
    if (!isfinite(year) || !isfinite(month) || !isfinite(date)) return NAN;
    double y = trunc(year), m = trunc(month), dt = trunc(date);
    double ym = y + floor(m / 12);
    if (fabs(ym) > 400000) return NAN;
    int mn = (int)fmod(m, 12);
    if (mn < 0) mn += 12;
    double day = day_from_year(ym) + month_start(mn, days_in_year(ym) == 366);
    return day + dt - 1;
}

static double make_date(double day, double time) {
    if (!isfinite(day) || !isfinite(time)) return NAN;
    return day * MS_PER_DAY + time;
}

static double time_clip(double t) {
    if (!isfinite(t) || fabs(t) > 8.64e15) return NAN;
    return trunc(t) + 0.0;
}

/* Offset of local time from UTC at UTC time t, in ms. */
static double local_offset(double t_utc) {
    if (!isfinite(t_utc)) return 0;
    time_t secs = (time_t)floor(t_utc / 1000.0);
    struct tm tm;
    if (!localtime_r(&secs, &tm)) return 0;
    return (double)tm.tm_gmtoff * 1000.0;
}
static double local_time(double t) { return t + local_offset(t); }
static double utc_from_local(double t) {
    if (!isfinite(t)) return NAN;
    double off = local_offset(t);
    return t - local_offset(t - off);
}

static const char *tz_name(double t, char *buf, size_t n) {
    time_t secs = (time_t)floor(t / 1000.0);
    struct tm tm;
    if (!localtime_r(&secs, &tm) || !tm.tm_zone) return "Coordinated Universal Time";
    if (!strcmp(tm.tm_zone, "UTC") || !strcmp(tm.tm_zone, "GMT") || !strcmp(tm.tm_zone, "UCT"))
        return "Coordinated Universal Time";
    snprintf(buf, n, "%s", tm.tm_zone);
    return buf;
}

/* ---- formatting -------------------------------------------------------------------------- */

static void put_year(StrBuf *sb, double y) {
    if (y >= 0) sb_printf(sb, "%04.0f", y);
    else sb_printf(sb, "-%04.0f", -y);   /* §21.4.4.41.2 DateString: at least four digits */
}

Value rt_date_to_iso_string(Runtime *rt, double t) {
    if (isnan(t)) return rt_throw_error(rt, ERR_RangeError, "Invalid time value");
    Fields f;
    split_time(t, &f);
    StrBuf sb;
    sb_init(&sb);
    if (f.year >= 0 && f.year <= 9999) sb_printf(&sb, "%04.0f", f.year);
    else sb_printf(&sb, "%c%06.0f", f.year < 0 ? '-' : '+', fabs(f.year));
    sb_printf(&sb, "-%02.0f-%02.0fT%02.0f:%02.0f:%02.0f.%03.0fZ", f.month + 1, f.date, f.hours, f.minutes,
              f.seconds, f.ms);
    return sb_finish(rt, &sb);
}

enum { FMT_FULL, FMT_DATE, FMT_TIME, FMT_UTC };

static Value format_date(Runtime *rt, double t, int kind) {
    if (isnan(t)) return rt_string_from_cstr(rt, "Invalid Date");
    Fields f;
    StrBuf sb;
    sb_init(&sb);
    if (kind == FMT_UTC) {
        split_time(t, &f);
        sb_printf(&sb, "%s, %02.0f %s ", day_names[(int)f.weekday], f.date, month_names[(int)f.month]);
        put_year(&sb, f.year);
        sb_printf(&sb, " %02.0f:%02.0f:%02.0f GMT", f.hours, f.minutes, f.seconds);
        return sb_finish(rt, &sb);
    }
    double off = local_offset(t);
    split_time(t + off, &f);
    if (kind != FMT_TIME) {
        sb_printf(&sb, "%s %s %02.0f ", day_names[(int)f.weekday], month_names[(int)f.month], f.date);
        put_year(&sb, f.year);
    }
    if (kind == FMT_FULL) sb_putc(&sb, ' ');
    if (kind != FMT_DATE) {
        int om = (int)(off / 60000);
        char buf[64];
        sb_printf(&sb, "%02.0f:%02.0f:%02.0f GMT%c%02d%02d (%s)", f.hours, f.minutes, f.seconds,
                  om < 0 ? '-' : '+', abs(om) / 60, abs(om) % 60, tz_name(t, buf, sizeof buf));
    }
    return sb_finish(rt, &sb);
}

Value rt_date_to_string(Runtime *rt, double t) { return format_date(rt, t, FMT_FULL); }

/* ---- parsing ------------------------------------------------------------------------------- */

static bool num(const char **p, int min_digits, int max_digits, double *out) {
    int n = 0;
    double v = 0;
    while (n < max_digits && **p >= '0' && **p <= '9') { v = v * 10 + (*(*p)++ - '0'); n++; }
    *out = v;
    return n >= min_digits;
}

/* §21.4.1.32 Date Time String Format. */
static bool parse_iso(const char *s, double *out) {
    const char *p = s;
    double y, mo = 1, d = 1, h = 0, mi = 0, sec = 0, ms = 0;
    int sign = 1;
    if (*p == '+' || *p == '-') {
        sign = *p == '-' ? -1 : 1;
        p++;
        if (!num(&p, 6, 6, &y)) return false;
        if (sign < 0 && y == 0) return false;
    } else if (!num(&p, 4, 4, &y)) {
        return false;
    }
    y *= sign;
    if (*p == '-') { p++; if (!num(&p, 2, 2, &mo)) return false; if (*p == '-') { p++; if (!num(&p, 2, 2, &d)) return false; } }
    bool has_time = false, utc = true;
    double off = 0;
    if (*p == 'T' || *p == 't' || (*p == ' ' && p[1] >= '0' && p[1] <= '9')) {
        p++;
        has_time = true;
        if (!num(&p, 2, 2, &h) || *p++ != ':' || !num(&p, 2, 2, &mi)) return false;
        if (*p == ':') {
            p++;
            if (!num(&p, 2, 2, &sec)) return false;
            if (*p == '.' || *p == ',') {
                p++;
                double frac = 0, scale = 100;
                int nd = 0;
                while (*p >= '0' && *p <= '9') { if (nd < 3) frac += (*p - '0') * scale; scale /= 10; nd++; p++; }
                if (!nd) return false;
                ms = frac;
            }
        }
        utc = false;
        if (*p == 'Z' || *p == 'z') { p++; utc = true; }
        else if (*p == '+' || *p == '-') {
            int sg = *p++ == '-' ? -1 : 1;
            double oh, om;
            if (!num(&p, 2, 2, &oh)) return false;
            if (*p == ':') p++;
            if (!num(&p, 2, 2, &om)) return false;
            off = sg * (oh * 60 + om) * 60000.0;
            utc = true;
        }
    }
    if (*p) return false;
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || sec > 59) return false;
    if (h == 24 && (mi || sec || ms)) return false;
    double t = make_date(make_day(y, mo - 1, d), make_time(h, mi, sec, ms));
    if (!has_time || utc) t -= off;
    else t = utc_from_local(t);
    *out = time_clip(t);
    return true;
}

/* The legacy forms toString/toUTCString produce, and similar: month names,
 * day, year, hh:mm[:ss], GMT/UTC/Z with an optional ±hhmm offset. */
static bool parse_legacy(const char *s, double *out) {
    double y = NAN, mo = NAN, d = NAN, h = 0, mi = 0, sec = 0, off = 0;
    bool has_off = false;
    const char *p = s;
    double nums[3];
    int nn = 0;
    while (*p) {
        if (*p == '(') { while (*p && *p != ')') p++; if (*p) p++; continue; }
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')) {
            const char *w = p;
            while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')) p++;
            size_t wl = (size_t)(p - w);
            if ((wl == 3 && !strncasecmp(w, "GMT", 3)) || (wl == 3 && !strncasecmp(w, "UTC", 3)) || (wl == 1 && (*w == 'Z' || *w == 'z'))) {
                has_off = true;
                continue;
            }
            if (wl == 2 && (!strncasecmp(w, "AM", 2) || !strncasecmp(w, "PM", 2))) {
                if (h == 12) h = 0;
                if (!strncasecmp(w, "PM", 2)) h += 12;
                continue;
            }
            if (wl >= 3) {
                for (int m = 0; m < 12; m++) if (!strncasecmp(w, month_names[m], 3)) mo = m;
            }
            continue;
        }
        if ((*p == '+' || *p == '-') && has_off && p[1] >= '0' && p[1] <= '9') {
            int sg = *p == '-' ? -1 : 1;
            p++;
            double v;
            num(&p, 1, 4, &v);
            off = sg * (floor(v / 100) * 60 + fmod(v, 100)) * 60000.0;
            continue;
        }
        if (*p >= '0' && *p <= '9') {
            double v;
            num(&p, 1, 6, &v);
            if (*p == ':') {
                h = v;
                p++;
                num(&p, 1, 2, &mi);
                if (*p == ':') { p++; num(&p, 1, 2, &sec); }
                continue;
            }
            if (nn < 3) nums[nn++] = v;
            if (*p == '/' || *p == '-') p++;
            continue;
        }
        p++;
    }
    if (!isnan(mo)) {
        if (nn < 2) return false;
        d = nums[0];
        y = nums[1];
    } else {
        if (nn < 3) return false;
        if (nums[0] > 31) { y = nums[0]; mo = nums[1] - 1; d = nums[2]; }
        else { mo = nums[0] - 1; d = nums[1]; y = nums[2]; }
    }
    if (y < 50) y += 2000;
    else if (y < 100) y += 1900;
    double t = make_date(make_day(y, mo, d), make_time(h, mi, sec, 0));
    t = has_off ? t - off : utc_from_local(t);
    *out = time_clip(t);
    return true;
}

static double parse_date(Value str) {
    char *s = rt_string_to_utf8(str, NULL);
    if (!s) return NAN;
    char *b = s;
    while (*b == ' ') b++;
    double t = NAN;
    /* A leading sign means an expanded ISO year: no legacy fallback for it. */
    bool expanded = (*b == '+' || *b == '-') && b[1] >= '0' && b[1] <= '9';
    if (!parse_iso(b, &t) && (expanded || !parse_legacy(b, &t))) t = NAN;
    free(s);
    return t;
}

/* ---- the constructor and statics --------------------------------------------------------- */

static double now_ms(void) {
    struct timeval tv;
    gettimeofday(&tv, NULL);
    return (double)tv.tv_sec * 1000.0 + (double)(tv.tv_usec / 1000);
}

static int args_to_time(Runtime *rt, int argc, Value *argv, double *out) {
    double f[7] = { NAN, 0, 1, 0, 0, 0, 0 };   /* a missing year is ToNumber(undefined) */
    for (int i = 0; i < argc && i < 7; i++) if (rt_to_number(rt, argv[i], &f[i]) < 0) return -1;
    if (isfinite(f[0])) {
        double yi = trunc(f[0]);
        if (yi >= 0 && yi <= 99) f[0] = 1900 + yi;
    }
    *out = make_date(make_day(f[0], f[1], f[2]), make_time(f[3], f[4], f[5], f[6]));
    return 0;
}

RT_NATIVE(date_ctor) {
    if (rt_is_undefined(new_target)) return format_date(rt, now_ms(), FMT_FULL);
    double t;
    if (argc == 0) {
        t = now_ms();
    } else if (argc == 1) {
        Value v = argv[0];
        if (rt_is_class(v, CLS_DATE)) {
            t = rt_to_double_unchecked(((JSWrapper *)rt_as_object(v))->value);
        } else {
            v = rt_to_primitive(rt, v, 0);
            TRYV(v);
            if (rt_is_string(v)) t = parse_date(v);
            else TRY(rt_to_number(rt, v, &t));
        }
        t = time_clip(t);
    } else {
        TRY(args_to_time(rt, argc, argv, &t));
        t = time_clip(utc_from_local(t));
    }
    Value proto = rt_proto_from_ctor(rt, new_target, INTR_DatePrototype);
    TRYV(proto);
    JSWrapper *w = (JSWrapper *)rt_object_new_class(rt, proto, CLS_DATE, sizeof(JSWrapper));
    w->value = rt_double(t);
    return rt_ptr(w);
}

RT_NATIVE(date_now) { return rt_number(now_ms()); }

RT_NATIVE(date_parse) {
    Value s = rt_to_string(rt, ARG(0));
    TRYV(s);
    return rt_number(parse_date(s));
}

RT_NATIVE(date_utc) {
    double t;
    TRY(args_to_time(rt, argc, argv, &t));
    return rt_number(time_clip(t));
}

/* ---- prototype ------------------------------------------------------------------------------- */

static Value this_time(Runtime *rt, Value v, double *t) {
    if (!rt_is_class(v, CLS_DATE)) return rt_throw_error(rt, ERR_TypeError, "this is not a Date object.");
    *t = rt_to_double_unchecked(((JSWrapper *)rt_as_object(v))->value);
    return v;
}

/* Getters: magic = field index (Fields order, 8 = time, 9 = tz offset) | 16 for UTC. */
enum { F_YEAR, F_MONTH, F_DATE, F_HOURS, F_MINUTES, F_SECONDS, F_MS, F_DAY, F_TIME, F_TZ, F_YEAR2, UTC = 16 };

RT_NATIVE(date_get) {
    double t = 0;
    TRYV(this_time(rt, this_val, &t));
    int m = self->magic;
    if (isnan(t)) return rt_double(NAN);
    if ((m & 15) == F_TIME) return rt_number(t);
    if ((m & 15) == F_TZ) return rt_number(0.0 - local_offset(t) / 60000.0);   /* +0, not -0, at UTC */
    Fields f;
    split_time(m & UTC ? t : local_time(t), &f);
    double vals[] = { f.year, f.month, f.date, f.hours, f.minutes, f.seconds, f.ms, f.weekday };
    if ((m & 15) == F_YEAR2) return rt_number(f.year - 1900);
    return rt_number(vals[m & 15]);
}

/* Setters: magic = first field (year, month, date, hours, minutes, seconds, ms) | UTC. */
RT_NATIVE(date_set) {
    double t = 0;
    TRYV(this_time(rt, this_val, &t));
    int first = self->magic & 15;
    bool utc = self->magic & UTC;
    static const int max_args[] = { 3, 2, 1, 4, 3, 2, 1 };
    double args[4];
    int n = argc < max_args[first] ? argc : max_args[first];
    if (n == 0) n = 1;
    for (int i = 0; i < n; i++) TRY(rt_to_number(rt, ARG(i), &args[i]));
    if (isnan(t)) {
        if (first != F_YEAR) return rt_double(NAN);
        t = 0;
    } else if (!utc) {
        t = local_time(t);
    }
    Fields f;
    split_time(t, &f);
    double fv[7] = { f.year, f.month, f.date, f.hours, f.minutes, f.seconds, f.ms };
    for (int i = 0; i < n; i++) fv[first + i] = args[i];
    double nt = make_date(make_day(fv[0], fv[1], fv[2]), make_time(fv[3], fv[4], fv[5], fv[6]));
    if (!utc) nt = utc_from_local(nt);
    nt = time_clip(nt);
    ((JSWrapper *)rt_as_object(this_val))->value = rt_double(nt);
    return rt_number(nt);
}

RT_NATIVE(date_set_time) {
    double t = 0;
    TRYV(this_time(rt, this_val, &t));
    TRY(rt_to_number(rt, ARG(0), &t));
    t = time_clip(t);
    ((JSWrapper *)rt_as_object(this_val))->value = rt_double(t);
    return rt_number(t);
}

enum { S_FULL, S_DATE, S_TIME, S_UTC, S_ISO, S_LOCALE, S_LOCALE_DATE, S_LOCALE_TIME };

RT_NATIVE(date_to_string) {
    double t = 0;
    TRYV(this_time(rt, this_val, &t));
    switch (self->magic) {
    case S_FULL: return format_date(rt, t, FMT_FULL);
    case S_DATE: return format_date(rt, t, FMT_DATE);
    case S_TIME: return format_date(rt, t, FMT_TIME);
    case S_UTC: return format_date(rt, t, FMT_UTC);
    case S_ISO: return rt_date_to_iso_string(rt, t);
    default: break;
    }
    if (isnan(t)) return rt_string_from_cstr(rt, "Invalid Date");
    Fields f;
    split_time(local_time(t), &f);
    StrBuf sb;
    sb_init(&sb);
    if (self->magic != S_LOCALE_TIME) sb_printf(&sb, "%.0f/%.0f/%.0f", f.month + 1, f.date, f.year);
    if (self->magic == S_LOCALE) sb_puts(&sb, ", ");
    if (self->magic != S_LOCALE_DATE) {
        double h12 = fmod(f.hours, 12);
        sb_printf(&sb, "%.0f:%02.0f:%02.0f %s", h12 == 0 ? 12 : h12, f.minutes, f.seconds, f.hours < 12 ? "AM" : "PM");
    }
    return sb_finish(rt, &sb);
}

RT_NATIVE(date_to_json) {
    Value o = rt_to_object(rt, this_val);
    TRYV(o);
    Value tv = rt_to_primitive(rt, o, 1);
    TRYV(tv);
    if (rt_is_number(tv) && !isfinite(rt_to_double_unchecked(tv))) return RT_NULL;
    Value f = rt_get_cstr(rt, o, "toISOString");
    TRYV(f);
    if (!rt_is_callable(f)) return rt_throw_error(rt, ERR_TypeError, "toISOString is not a function");
    return rt_call(rt, f, o, 0, NULL);
}

/* Date.prototype[@@toPrimitive](hint): "default" means string. */
RT_NATIVE(date_to_primitive) {
    if (!rt_is_object(this_val)) return rt_throw_error(rt, ERR_TypeError, "Date.prototype[Symbol.toPrimitive] called on non-object");
    Value h = ARG(0);
    bool string_first;
    if (rt_is_string(h) && (rt_string_equals_cstr(h, "string") || rt_string_equals_cstr(h, "default"))) string_first = true;
    else if (rt_is_string(h) && rt_string_equals_cstr(h, "number")) string_first = false;
    else return rt_throw_error(rt, ERR_TypeError, "Invalid hint: %s", rt_is_string(h) ? "value" : "undefined");
    const char *order[2] = { string_first ? "toString" : "valueOf", string_first ? "valueOf" : "toString" };
    for (int i = 0; i < 2; i++) {
        Value f = rt_get_cstr(rt, this_val, order[i]);
        TRYV(f);
        if (rt_is_callable(f)) {
            Value r = rt_call(rt, f, this_val, 0, NULL);
            TRYV(r);
            if (!rt_is_object(r)) return r;
        }
    }
    return rt_throw_error(rt, ERR_TypeError, "Cannot convert object to primitive value");
}

void rt_init_date(Runtime *rt) {
    JSObject *proto = rt_object_new(rt, rt->intrinsics[INTR_ObjectPrototype]);
    rt->intrinsics[INTR_DatePrototype] = rt_ptr(proto);
    JSNative *ctor = rt_define_ctor(rt, "Date", date_ctor, 7, proto, 0);
    rt->intrinsics[INTR_Date] = rt_ptr(ctor);
    rt_define_native(rt, &ctor->base, "now", date_now, 0, 0);
    rt_define_native(rt, &ctor->base, "parse", date_parse, 1, 0);
    rt_define_native(rt, &ctor->base, "UTC", date_utc, 7, 0);
    static const BuiltinMethod methods[] = {
        { "toString", date_to_string, 0, S_FULL },
        { "toDateString", date_to_string, 0, S_DATE },
        { "toTimeString", date_to_string, 0, S_TIME },
        { "toISOString", date_to_string, 0, S_ISO },
        { "toUTCString", date_to_string, 0, S_UTC },
        { "toGMTString", date_to_string, 0, S_UTC },
        { "getDate", date_get, 0, F_DATE },
        { "setDate", date_set, 1, F_DATE },
        { "getDay", date_get, 0, F_DAY },
        { "getFullYear", date_get, 0, F_YEAR },
        { "setFullYear", date_set, 3, F_YEAR },
        { "getHours", date_get, 0, F_HOURS },
        { "setHours", date_set, 4, F_HOURS },
        { "getMilliseconds", date_get, 0, F_MS },
        { "setMilliseconds", date_set, 1, F_MS },
        { "getMinutes", date_get, 0, F_MINUTES },
        { "setMinutes", date_set, 3, F_MINUTES },
        { "getMonth", date_get, 0, F_MONTH },
        { "setMonth", date_set, 2, F_MONTH },
        { "getSeconds", date_get, 0, F_SECONDS },
        { "setSeconds", date_set, 2, F_SECONDS },
        { "getTime", date_get, 0, F_TIME },
        { "setTime", date_set_time, 1, 0 },
        { "getTimezoneOffset", date_get, 0, F_TZ },
        { "getUTCDate", date_get, 0, F_DATE | UTC },
        { "setUTCDate", date_set, 1, F_DATE | UTC },
        { "getUTCDay", date_get, 0, F_DAY | UTC },
        { "getUTCFullYear", date_get, 0, F_YEAR | UTC },
        { "setUTCFullYear", date_set, 3, F_YEAR | UTC },
        { "getUTCHours", date_get, 0, F_HOURS | UTC },
        { "setUTCHours", date_set, 4, F_HOURS | UTC },
        { "getUTCMilliseconds", date_get, 0, F_MS | UTC },
        { "setUTCMilliseconds", date_set, 1, F_MS | UTC },
        { "getUTCMinutes", date_get, 0, F_MINUTES | UTC },
        { "setUTCMinutes", date_set, 3, F_MINUTES | UTC },
        { "getUTCMonth", date_get, 0, F_MONTH | UTC },
        { "setUTCMonth", date_set, 2, F_MONTH | UTC },
        { "getUTCSeconds", date_get, 0, F_SECONDS | UTC },
        { "setUTCSeconds", date_set, 2, F_SECONDS | UTC },
        { "valueOf", date_get, 0, F_TIME },
        { "getYear", date_get, 0, F_YEAR2 },
        { "toJSON", date_to_json, 1, 0 },
        { "toLocaleString", date_to_string, 0, S_LOCALE },
        { "toLocaleDateString", date_to_string, 0, S_LOCALE_DATE },
        { "toLocaleTimeString", date_to_string, 0, S_LOCALE_TIME },
    };
    RT_DEFINE_METHODS(rt, proto, methods);
    JSNative *tp = rt_native_new(rt, date_to_primitive, "[Symbol.toPrimitive]", 1, 0);
    rt_define_data(rt, proto, rt->intrinsics[INTR_Sym_toPrimitive], rt_ptr(tp), PROP_CONFIGURABLE);
}
