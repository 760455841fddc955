// Library entry: the OGC API - Processes client, its models, and the demo server.
export {};
