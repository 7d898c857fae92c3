//go:build !race

package preview

const raceDetector = false
