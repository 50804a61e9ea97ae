"""What editors use beside the build: the preview server and its guard,
`new` (scaffold), and the JSON Schemas for editors' tools."""
