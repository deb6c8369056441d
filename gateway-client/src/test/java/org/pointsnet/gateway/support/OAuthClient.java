package org.pointsnet.gateway.support;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drives a gateway's OAuth 2.0 endpoints over real HTTP the way a client would: client credentials, and the
 * authorization code flow with PKCE through the login and consent pages (cookies kept, redirects not followed).
 */
public final class OAuthClient {

    private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("(\\w[\\w-]*)\\s*=\\s*\"([^\"]*)\"");

    private final String baseUrl;
    private final HttpClient http;

    public OAuthClient(final String baseUrl) {
        this(baseUrl, null);
    }

    /** For an https gateway: {@code trust} holds the CA that verifies its certificate (null: the JDK default). */
    public OAuthClient(final String baseUrl, final SSLContext trust) {
        this.baseUrl = baseUrl;
        final HttpClient.Builder builder = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER);
        if (trust != null) {
            builder.sslContext(trust);
        }
        this.http = builder.build();
    }

    /** {@code POST /oauth2/token} with client_credentials and HTTP Basic; the whole response. */
    public HttpResponse<String> clientCredentials(final String clientId, final String secret, final String scope)
        throws Exception {
        final Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        if (scope != null) {
            form.put("scope", scope);
        }
        return send(HttpRequest.newBuilder(uri("/oauth2/token"))
            .header("Authorization", basic(clientId, secret))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
    }

    /** The access token of a successful client_credentials grant; fails with the response otherwise. */
    public String token(final String clientId, final String secret) throws Exception {
        final HttpResponse<String> response = clientCredentials(clientId, secret, null);
        if (response.statusCode() != 200) {
            throw new AssertionError("token request failed: " + response.statusCode() + " " + response.body());
        }
        return json(response.body()).get("access_token").asString();
    }

    /** A form POST authenticated as a confidential client (introspection, revocation). */
    public HttpResponse<String> postAsClient(final String path, final String clientId, final String secret,
                                             final Map<String, String> form) throws Exception {
        return send(HttpRequest.newBuilder(uri(path))
            .header("Authorization", basic(clientId, secret))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
    }

    /** A PKCE verifier (RFC 7636: 43..128 unreserved characters) and its S256 challenge. */
    public record Pkce(String verifier, String challenge) {

        public static Pkce create() {
            final byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            final String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            try {
                final byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * The browser part of the authorization code flow: authorize → login page → sign in → consent page → grant
     * {@code scopes}; the consent page is skipped when the user consented to these scopes before.
     */
    public Authorization authorize(final String clientId, final String redirectUri, final String scope, final Pkce pkce,
                            final String username, final String password) throws Exception {
        final String state = "st-" + System.nanoTime();
        final Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", clientId);
        query.put("redirect_uri", redirectUri);
        query.put("scope", scope);
        query.put("state", state);
        query.put("code_challenge", pkce.challenge());
        query.put("code_challenge_method", "S256");
        final String authorizeUrl = "/oauth2/authorize?" + encode(query);

        final HttpResponse<String> toLogin = get(authorizeUrl);
        expectRedirect(toLogin, "/login");
        final HttpResponse<String> loginPage = get("/login");
        final Map<String, String> loginForm = hiddenInputs(loginPage.body());
        loginForm.put("username", username);
        loginForm.put("password", password);
        final HttpResponse<String> signedIn = postForm("/login", encode(loginForm));
        expectRedirect(signedIn, "/oauth2/authorize");

        final HttpResponse<String> consentPage = get(location(signedIn));
        final boolean consentShown = consentPage.statusCode() == 200;
        final HttpResponse<String> redirected;
        if (consentShown) {
            final List<String> fields = new ArrayList<>();
            hiddenInputs(consentPage.body()).forEach((name, value) -> fields.add(pair(name, value)));
            for (final String granted : scope.split(" ")) {
                fields.add(pair("scope", granted));
            }
            redirected = postForm("/oauth2/authorize", String.join("&", fields));
        } else {
            redirected = consentPage;
        }
        final String location = location(redirected);
        if (!location.startsWith(redirectUri)) {
            throw new AssertionError("expected a redirect to " + redirectUri + ", got " + redirected.statusCode()
                + " " + location + " " + redirected.body());
        }
        final Map<String, String> params = queryOf(URI.create(location));
        if (!state.equals(params.get("state"))) {
            throw new AssertionError("state not returned: " + location);
        }
        if (params.get("code") == null) {
            throw new AssertionError("no code in " + location);
        }
        return new Authorization(params.get("code"), consentShown);
    }

    /** The code the browser brought back, and whether the user was asked to consent on the way. */
    public record Authorization(String code, boolean consentShown) {
    }

    /** {@code POST /oauth2/token} exchanging a code as a public client with its PKCE verifier. */
    public HttpResponse<String> exchange(final String clientId, final String redirectUri, final String code,
                                         final String verifier) throws Exception {
        final Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("client_id", clientId);
        form.put("code_verifier", verifier);
        return postForm("/oauth2/token", encode(form));
    }

    /** A GET as an API client would send it (JSON). */
    public HttpResponse<String> getJson(final String pathAndQuery) throws Exception {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).header("Accept", "application/json").GET());
    }

    /** A GET as a browser would send it (HTML): unauthenticated authorize requests go to the login page. */
    public HttpResponse<String> get(final String pathAndQuery) throws Exception {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).header("Accept", "text/html").GET());
    }

    private HttpResponse<String> postForm(final String path, final String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "text/html")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(final HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(final String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl + pathOrUrl);
    }

    private static void expectRedirect(final HttpResponse<String> response, final String pathPrefix) {
        final String location = location(response);
        if (!URI.create(location).getPath().startsWith(pathPrefix)) {
            throw new AssertionError("expected a redirect to " + pathPrefix + ", got " + response.statusCode() + " "
                + location);
        }
    }

    private static String location(final HttpResponse<String> response) {
        if (response.statusCode() / 100 != 3) {
            throw new AssertionError("expected a redirect, got " + response.statusCode() + " " + response.body());
        }
        return response.headers().firstValue("Location").orElseThrow();
    }

    /** Hidden inputs of the first form in {@code html}, by name. */
    static Map<String, String> hiddenInputs(final String html) {
        final Map<String, String> inputs = new LinkedHashMap<>();
        final Matcher input = INPUT.matcher(html);
        while (input.find()) {
            final Map<String, String> attributes = new LinkedHashMap<>();
            final Matcher attribute = ATTRIBUTE.matcher(input.group());
            while (attribute.find()) {
                attributes.put(attribute.group(1).toLowerCase(), unescape(attribute.group(2)));
            }
            if ("hidden".equalsIgnoreCase(attributes.get("type")) && attributes.containsKey("name")) {
                inputs.put(attributes.get("name"), attributes.getOrDefault("value", ""));
            }
        }
        return inputs;
    }

    private static String unescape(final String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
            .replace("&amp;", "&");
    }

    private static Map<String, String> queryOf(final URI uri) {
        final Map<String, String> params = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (final String pair : uri.getRawQuery().split("&")) {
                final int eq = pair.indexOf('=');
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static String basic(final String user, final String secret) {
        return "Basic " + Base64.getEncoder().encodeToString(
            (URLEncoder.encode(user, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(secret, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String pair(final String name, final String value) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String encode(final Map<String, String> form) {
        final List<String> pairs = new ArrayList<>();
        form.forEach((name, value) -> pairs.add(pair(name, value)));
        return String.join("&", pairs);
    }

    public static JsonNode json(final String body) {
        return JsonMapper.shared().readTree(body);
    }

    /** The claims of a JWT, without verifying it (tests look at what the server issued). */
    public static JsonNode claims(final String jwt) {
        final String[] parts = jwt.split("\\.");
        return json(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }
}
