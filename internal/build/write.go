package build

import "github.com/pkpm-btn3/pkpm/internal/atomicfile"

// begin makes the folder a post's slides are written into while it
// builds; commit swaps it in place of the post's folder.
func (j *job) begin() error {
	f, err := atomicfile.NewFolder(j.dir)
	if err != nil {
		return err
	}
	j.folder = f
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
	j.folder = nil
	return nil
}
