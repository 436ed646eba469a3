# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: 615c41d7c5271eb3f958149cc8ba3dd79d93663f85fa8cc47fa2b4e3041abe07
"""Contains endpoint functions for accessing the API"""
