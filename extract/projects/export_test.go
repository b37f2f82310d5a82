package projects

// Dump is dump for the external corpus tests.
var Dump = dump
