package org.pointsnet.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.HttpMediaTypeException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The last rule under /api/v1, for requests no scope rule matched: granted to an authenticated caller only when no
 * controller would serve the request, so Spring MVC answers it 404 (unknown path) or 405 (wrong method). A request a
 * controller does serve has no rule yet and is refused (fail closed). Without a valid token it is 401 like every
 * other call, so nothing about the API's paths is revealed to strangers.
 */
public final class UnmappedApiRequests implements AuthorizationManager<RequestAuthorizationContext> {

    private final AuthorizationManager<RequestAuthorizationContext> authenticated =
        AuthenticatedAuthorizationManager.authenticated();
    private final ObjectProvider<HandlerMapping> controllers;

    /** @param controllers Spring MVC's {@code requestMappingHandlerMapping} (the controllers' mappings) */
    public UnmappedApiRequests(final ObjectProvider<HandlerMapping> controllers) {
        this.controllers = controllers;
    }

    @Override
    public AuthorizationResult authorize(final Supplier<? extends Authentication> authentication,
                                         final RequestAuthorizationContext context) {
        final AuthorizationResult caller = authenticated.authorize(authentication, context);
        if (caller == null || !caller.isGranted()) {
            return new AuthorizationDecision(false);
        }
        return new AuthorizationDecision(!servedByAController(context.getRequest()));
    }

    private boolean servedByAController(final HttpServletRequest request) {
        final HandlerMapping mapping = controllers.getIfAvailable();
        if (mapping == null) {
            return true;
        }
        try {
            return mapping.getHandler(new OwnAttributes(request)) != null;
        } catch (HttpRequestMethodNotSupportedException | HttpMediaTypeException | ServletRequestBindingException e) {
            // A path a controller serves, but not this method, media type or these parameters: MVC answers 4xx.
            return false;
        } catch (Exception e) {
            return true;
        }
    }

    /** The request with attributes of its own, so the look-up leaves nothing behind for the real dispatch. */
    private static final class OwnAttributes extends HttpServletRequestWrapper {
        private final Map<String, Object> attributes = new HashMap<>();

        OwnAttributes(final HttpServletRequest request) {
            super(request);
        }

        @Override
        public Object getAttribute(final String name) {
            return attributes.containsKey(name) ? attributes.get(name) : super.getAttribute(name);
        }

        @Override
        public void setAttribute(final String name, final Object value) {
            attributes.put(name, value);
        }

        @Override
        public void removeAttribute(final String name) {
            attributes.put(name, null);
        }
    }
}
