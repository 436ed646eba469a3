# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: c6a82d6a7ee29b5786a63b676c3774f56d884574bbdc8ae1dc2ff20ea40ea289
"""Contains endpoint functions for accessing the API"""
