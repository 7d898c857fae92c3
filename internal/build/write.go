package build

import (
	"os"

	"github.com/pkpm-btn3/pkpm/internal/atomicfile"
)

// begin makes the folder a post's slides are written into while it
// builds; commit swaps it in place of the post's folder.
func (j *job) begin() error {
	f, err := atomicfile.NewFolder(j.dir)
	if err != nil {
		return err
	}
	j.folder, j.tmp = f, f.Path()
	return nil
}

// commit writes slides.json into the new folder and swaps it in.
func (j *job) commit(manifest []byte) error {
	if err := j.folder.Write(ManifestFile, manifest); err != nil {
		return err
	}
	if err := j.folder.Commit(); err != nil {
		return err
	}
	j.tmp = ""
	return nil
}

// linkOrCopy makes to hold from's bytes: a hard link where the file
// system allows one, else a copy.
func linkOrCopy(from, to string) error {
	if err := os.Link(from, to); err == nil {
		return nil
	}
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, data, 0o644)
}
