"""The HTTP API and the web page: :func:`khabar.web.app.create_app` (``khabar serve``)."""
