# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: f1e58ea3446b85e0063172da9445b92bc2e37fc87b7c6b1df093957a1d079987
"""Contains methods for accessing the API"""
