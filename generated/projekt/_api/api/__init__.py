# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: 2d6ff275434277392b4ff5fe8eb07abc547977b97ae4160b1f489151f6172297
"""Contains methods for accessing the API"""
