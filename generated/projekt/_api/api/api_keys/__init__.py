# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: f3569983f4d9f9c91e2c9c4ccdc84ea9a82b5f37c6c8e2e8c4900c8aa5a92982
"""Contains endpoint functions for accessing the API"""
