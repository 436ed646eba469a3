# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: 99964f654fdc991550da8ee7c448bf69af8e64146a2540879f7d815bbab74cb0
"""Contains endpoint functions for accessing the API"""
