package io.coditect.it.support;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Drives Keycloak's own login pages over plain HTTP, like a browser without JavaScript: a cookie
 * jar (Keycloak marks its cookies Secure even on http://localhost, which java.net's CookieManager
 * would then withhold), manual redirects, and form submission with the form's hidden fields.
 */
public final class BrowserSession {

    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL);
    private static final Pattern ACTION = Pattern.compile("action=\"([^\"]*)\"");
    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>", Pattern.DOTALL);
    private static final Pattern ATTR = Pattern.compile("(\\w[\\w-]*)=\"([^\"]*)\"");
    private static final Pattern TEMPLATE = Pattern.compile("<!-- template: ([\\w.-]+) -->");

    private final Map<String, String> cookies = new LinkedHashMap<>();

    public Page get(String url) {
        return follow(HttpRequest.newBuilder(URI.create(url)).GET(), url);
    }

    /** Submits the page's first form (or the form whose id is given) with its hidden fields plus {@code fields}. */
    public Page submit(Page page, String formId, Map<String, String> fields) {
        Matcher forms = FORM.matcher(page.body());
        while (forms.find()) {
            String attrs = forms.group(1);
            if (formId != null && !attrs.contains("id=\"" + formId + "\"")) {
                continue;
            }
            Matcher action = ACTION.matcher(attrs);
            if (!action.find()) {
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            Matcher inputs = INPUT.matcher(forms.group(2));
            while (inputs.find()) {
                Map<String, String> a = attributes(inputs.group(1));
                if ("hidden".equals(a.get("type")) && a.containsKey("name")) {
                    values.put(a.get("name"), unescape(a.getOrDefault("value", "")));
                }
            }
            values.putAll(fields);
            String target = resolve(page.url(), unescape(action.group(1)));
            return follow(HttpRequest.newBuilder(URI.create(target))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(Http.form(values))), target);
        }
        throw new AssertionError("no form " + (formId == null ? "" : formId) + " on page " + page.template()
                + " (" + page.url() + "):\n" + page.body());
    }

    private Page follow(HttpRequest.Builder request, String url) {
        String current = url;
        HttpRequest.Builder next = request;
        for (int hops = 0; hops < 20; hops++) {
            if (!cookies.isEmpty()) {
                next.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; ")));
            }
            Http.Reply reply = Http.send(next.timeout(Duration.ofSeconds(30)).build());
            for (Map.Entry<String, List<String>> h : reply.headers().entrySet()) {
                if ("set-cookie".equalsIgnoreCase(h.getKey())) {
                    h.getValue().forEach(this::store);
                }
            }
            String location = reply.header("Location");
            if (reply.status() / 100 == 3 && location != null) {
                current = resolve(current, location);
                if (!current.startsWith("http://localhost") && !current.startsWith("http://127.0.0.1")) {
                    return new Page(current, reply.status(), "");
                }
                // A loopback redirect_uri (the CLI's) is the end of the flow: report it, don't fetch it.
                if (current.contains("/callback")) {
                    return new Page(current, reply.status(), "");
                }
                next = HttpRequest.newBuilder(URI.create(current)).GET();
                continue;
            }
            return new Page(current, reply.status(), reply.body());
        }
        throw new AssertionError("too many redirects from " + url);
    }

    private void store(String setCookie) {
        String pair = setCookie.split(";", 2)[0];
        int eq = pair.indexOf('=');
        if (eq <= 0) {
            return;
        }
        String name = pair.substring(0, eq).trim();
        String value = pair.substring(eq + 1).trim();
        if (value.isEmpty() || setCookie.toLowerCase().contains("max-age=0")) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }

    private static Map<String, String> attributes(String tag) {
        Map<String, String> a = new LinkedHashMap<>();
        Matcher m = ATTR.matcher(tag);
        while (m.find()) {
            a.put(m.group(1), m.group(2));
        }
        return a;
    }

    private static String resolve(String base, String location) {
        return URI.create(base).resolve(location).toString();
    }

    public static String unescapeHtml(String s) {
        return unescape(s);
    }

    static String unescape(String s) {
        return s.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                .replace("&gt;", ">");
    }

    /** A page as received; {@code template} is Keycloak's own name for it (from its HTML comment). */
    public record Page(String url, int status, String body) {

        public String template() {
            Matcher m = TEMPLATE.matcher(body);
            return m.find() ? m.group(1) : "";
        }

        public boolean has(String text) {
            return body.contains(text);
        }

        /** The value attribute of the input with this name or id. */
        public String input(String nameOrId) {
            Matcher inputs = INPUT.matcher(body);
            while (inputs.find()) {
                Map<String, String> a = attributes(inputs.group(1));
                if (nameOrId.equals(a.get("name")) || nameOrId.equals(a.get("id"))) {
                    return unescape(a.getOrDefault("value", ""));
                }
            }
            return null;
        }

        public List<String> links(String contains) {
            Matcher m = Pattern.compile("href=\"([^\"]*)\"").matcher(body);
            List<String> found = new java.util.ArrayList<>();
            while (m.find()) {
                String href = unescape(m.group(1));
                if (href.contains(contains)) {
                    found.add(resolve(url, href));
                }
            }
            return found;
        }
    }
}
