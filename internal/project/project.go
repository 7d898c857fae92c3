package project

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/pkpm-btn3/pkpm/internal/config"
	"github.com/pkpm-btn3/pkpm/internal/diag"
)

// Project is an opened project: its folder and its settings.
type Project struct {
	Root   string
	Config config.Project
	// HasFile is set when Root holds a pkpm.yaml; without one the
	// settings are the embedded defaults.
	HasFile bool
}

// FindRoot walks up from dir to the first folder holding pkpm.yaml. It
// returns dir itself and false when there is none.
func FindRoot(dir string) (string, bool) {
	for d := dir; ; {
		if st, err := os.Stat(filepath.Join(d, config.FileName)); err == nil && !st.IsDir() {
			return d, true
		}
		parent := filepath.Dir(d)
		if parent == d {
			return dir, false
		}
		d = parent
	}
}

// Find opens the project that dir is in: the nearest pkpm.yaml upwards,
// else dir with the defaults.
func Find(dir string) (*Project, error) {
	root, _ := FindRoot(dir)
	return Open(root)
}

// Open reads the project whose folder is root.
func Open(root string) (*Project, error) {
	cfg, has, err := readConfig(root)
	if err != nil {
		return nil, err
	}
	return &Project{Root: root, Config: cfg, HasFile: has}, nil
}

// ReadConfig reads root's pkpm.yaml, or gives the defaults when there is
// none. Its errors name the file and line.
func ReadConfig(root string) (config.Project, error) {
	cfg, _, err := readConfig(root)
	return cfg, err
}

func readConfig(root string) (config.Project, bool, error) {
	src, err := os.ReadFile(filepath.Join(root, config.FileName))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return config.Default(), false, nil
	case err != nil:
		return config.Project{}, false, diag.Errorf(config.FileName, 0, "cannot read: %v", err)
	}
	cfg, err := config.Parse(config.FileName, src)
	return cfg, true, err
}
