//go:build !unix

package safefile

// noFollow is not available: Create still refuses an existing link
// (O_EXCL), OpenExisting does not.
const noFollow = 0
