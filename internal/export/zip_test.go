package export

import (
	"archive/zip"
	"bytes"
	"testing"
	"time"
)

// Every entry of a bundle's zip carries the same fixed time, whenever it
// is made, so the same bundle always zips to the same bytes. Comparing two
// zips made within one second would not catch a clock-stamped entry.
func TestZipEntriesHaveTheFixedTime(t *testing.T) {
	files := map[string][]byte{"01.jpg": {0xff, 0xd8, 0xff}, "caption.txt": []byte("Halo\n"), "manifest.json": []byte("{}\n")}
	data, err := Zip("2020-08-03_masker", files)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	if len(zr.File) != len(files) {
		t.Fatalf("%d entries, want %d", len(zr.File), len(files))
	}
	want := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, f := range zr.File {
		if !f.Modified.Equal(want) {
			t.Errorf("%s: modified %v, want the fixed %v", f.Name, f.Modified, want)
		}
		// The MS-DOS fields are what older unzip tools show.
		if got := msDosTime(f.ModifiedDate, f.ModifiedTime); !got.Equal(want) {
			t.Errorf("%s: MS-DOS time %v, want the fixed %v", f.Name, got, want)
		}
	}
}

func msDosTime(d, t uint16) time.Time {
	return time.Date(int(d>>9)+1980, time.Month(d>>5&0xf), int(d&0x1f), int(t>>11), int(t>>5&0x3f), int(t&0x1f)*2, 0, time.UTC)
}
