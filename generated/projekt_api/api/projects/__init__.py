# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: 8eb3ccf7a947c580db3bff5bac7aad9f63648e56a8c5bce4b7a80c70a820c50d
"""Contains endpoint functions for accessing the API"""
