package export

import (
	"archive/zip"
	"bytes"
	"sort"
	"time"
)

// zipEpoch is the modification time of every zip entry, so the same
// bundle always zips to the same bytes.
var zipEpoch = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)

// Zip packs files under a folder name, entries sorted, times fixed.
func Zip(folder string, files map[string][]byte) ([]byte, error) {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	// Sized for the files and their headers, the buffer is allocated
	// once instead of being copied as it grows.
	size := 22
	for _, n := range names {
		size += len(files[n]) + 2*(46+len(folder)+1+len(n)) + 16
	}
	var buf bytes.Buffer
	buf.Grow(size)
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		method := zip.Deflate
		if len(n) > 4 && n[len(n)-4:] == ".jpg" {
			method = zip.Store // JPEGs do not compress; storing is faster
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: folder + "/" + n, Method: method, Modified: zipEpoch})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(files[n]); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
