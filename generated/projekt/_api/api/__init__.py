# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: cdebd6db5afd9c422cd75af8b8cdb1a0ebc540fa1055f2bfe34e29c9c6b715d1
"""Contains methods for accessing the API"""
