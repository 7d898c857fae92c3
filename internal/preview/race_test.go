//go:build race

package preview

// raceDetector is on: everything runs several times slower.
const raceDetector = true
