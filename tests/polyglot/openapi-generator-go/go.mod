module projekt.example/quickstart

go 1.19

require github.com/projekt/projekt-go v0.0.0

replace github.com/projekt/projekt-go => ../../../build/polyglot/openapi-generator-go
