# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: f7248dfbc0e4f88dea80329181c8c8f66f8d6ae5bf58f0103c89cddc54c640ec
"""Contains endpoint functions for accessing the API"""
