package dev.quarry.spi;

/** Rewrites Quarry's {@code ?} placeholders for drivers that number their parameters. */
public final class Placeholders {

    private Placeholders() {
    }

    /**
     * Replaces each {@code ?} outside quoted text with {@code $1}, {@code $2}...
     * Quarry's SQL never contains a bare {@code ?} operator, so every one outside quotes is a placeholder.
     */
    public static String numbered(String sql) {
        StringBuilder out = new StringBuilder(sql.length() + 16);
        int n = 0;
        char quote = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                out.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                out.append(c);
            } else if (c == '?') {
                out.append('$').append(++n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
