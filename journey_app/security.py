"""Security headers on every response, so a page cannot be framed, sniffed, leak where the reader
came from, load anything from another site or run a script that is not one of our own files.

SECURITY.md lists these headers and says why each is there.
"""

from flask import request

# Only the guide's own files: the scripts are ES modules served from /static, with no inline
# script, style attribute or eval anywhere, so no 'unsafe-inline' and no 'unsafe-eval'.
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "frame-src 'none'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "form-action 'self'",
    )
)

# The guide only shows pages: no camera, microphone, location, sensors, payments, USB, ad
# topics... Each powerful feature the browsers know is denied by name. Names Chromium does not
# know are left out, as it reports each one in the console (tests/browser/test_safety.py checks).
# clipboard-write and web-share are not denied: a "copy the link" or "share" button may use them.
DENIED_FEATURES = (
    "accelerometer",
    "autoplay",
    "browsing-topics",
    "camera",
    "captured-surface-control",
    "clipboard-read",
    "compute-pressure",
    "digital-credentials-get",
    "display-capture",
    "encrypted-media",
    "fullscreen",
    "gamepad",
    "geolocation",
    "gyroscope",
    "hid",
    "identity-credentials-get",
    "idle-detection",
    "keyboard-map",
    "local-fonts",
    "magnetometer",
    "microphone",
    "midi",
    "otp-credentials",
    "payment",
    "picture-in-picture",
    "private-state-token-issuance",
    "private-state-token-redemption",
    "publickey-credentials-create",
    "publickey-credentials-get",
    "screen-wake-lock",
    "serial",
    "speaker-selection",
    "storage-access",
    "usb",
    "window-management",
    "xr-spatial-tracking",
)
PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in DENIED_FEATURES)

HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    # a link to another site never tells it which page of the guide the reader was on
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": PERMISSIONS_POLICY,
    "Cross-Origin-Opener-Policy": "same-origin",
}
# Sent only over HTTPS (browsers ignore it over HTTP). Behind a proxy that ends TLS, the proxy
# must pass X-Forwarded-Proto and the server must trust it (gunicorn does for 127.0.0.1).
STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains"


def setup_security_headers(app):
    @app.after_request
    def add_security_headers(response):
        for name, value in HEADERS.items():
            response.headers[name] = value
        if request.is_secure:
            response.headers["Strict-Transport-Security"] = STRICT_TRANSPORT_SECURITY
        else:  # a kept page first served over HTTPS carries it
            response.headers.pop("Strict-Transport-Security", None)
        return response
