package io.vpcportal.policy.internal;

/**
 * IAM wildcard matching: {@code *} for any run of characters (also none), {@code ?} for exactly one. Linear in
 * practice: the classic two-pointer algorithm backtracks only to the last star.
 */
public final class Glob {

    private Glob() {
    }

    public static boolean matches(String pattern, String text, boolean ignoreCase) {
        return matches(pattern, 0, pattern.length(), text, 0, text.length(), ignoreCase);
    }

    /** Matches {@code pattern[ps, pe)} against {@code text[ts, te)}. */
    private static boolean matches(String pattern, int ps, int pe, String text, int ts, int te, boolean ignoreCase) {
        int p = ps;
        int t = ts;
        int star = -1;
        int resume = 0;
        while (t < te) {
            if (p < pe && (pattern.charAt(p) == '?' || same(pattern.charAt(p), text.charAt(t), ignoreCase))) {
                p++;
                t++;
            } else if (p < pe && pattern.charAt(p) == '*') {
                star = p++;
                resume = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++resume;
            } else {
                return false;
            }
        }
        while (p < pe && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pe;
    }

    /**
     * ARN matching as IAM does it for {@code ArnLike}/{@code ArnEquals} and the {@code Resource} element: the six
     * colon-separated parts are matched one by one; the last part (the resource) may itself hold colons.
     */
    public static boolean matchesArn(String pattern, String arn) {
        if (pattern.equals("*")) {
            return true;
        }
        int ps = 0;
        int as = 0;
        for (int part = 0; part < 5; part++) {
            int pe = pattern.indexOf(':', ps);
            int ae = arn.indexOf(':', as);
            if (pe < 0 || ae < 0) {
                return pattern.equals(arn);
            }
            if (!matches(pattern, ps, pe, arn, as, ae, false)) {
                return false;
            }
            ps = pe + 1;
            as = ae + 1;
        }
        return matches(pattern, ps, pattern.length(), arn, as, arn.length(), false);
    }

    public static boolean hasWildcard(String value) {
        return value.indexOf('*') >= 0 || value.indexOf('?') >= 0;
    }

    private static boolean same(char a, char b, boolean ignoreCase) {
        return a == b || ignoreCase && Character.toLowerCase(a) == Character.toLowerCase(b);
    }
}
