# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: a03754677f9b4b1d71d723156e231a2fccd15e23eadcf202c5ca40530eeb4db3
"""Contains endpoint functions for accessing the API"""
