package preview

import (
	"bytes"
	"context"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pkpm-btn3/pkpm/internal/build"
	"github.com/pkpm-btn3/pkpm/internal/project"
	"github.com/pkpm-btn3/pkpm/internal/render"
)

func TestWriteSheet(t *testing.T) {
	opts := maskerSheet(t)
	root := opts.Root
	res, err := WriteSheet(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(root, "dist", "sheets", "masker.png")
	if res.Path != want || res.Slides != 5 {
		t.Errorf("result = %+v", res)
	}
	data, width := readSheet(t, want)
	if len(data) > MaxSheetBytes || len(data) != res.Bytes {
		t.Errorf("sheet is %d bytes (reported %d), limit %d", len(data), res.Bytes, MaxSheetBytes)
	}
	// Five slides in three columns of 360-pixel tiles.
	if width != sheetWidth(3, 360) {
		t.Errorf("sheet is %v wide", width)
	}
	ents, _ := os.ReadDir(filepath.Dir(want))
	if len(ents) != 1 {
		t.Errorf("dist/sheets holds %d entries; a temporary file was left", len(ents))
	}
	if _, err := os.Stat(filepath.Join(root, "dist", "slides")); !os.IsNotExist(err) {
		t.Error("writing a sheet wrote dist/slides")
	}
}

// A sheet over the size limit is drawn again with smaller thumbnails; one
// too large at every size is refused and leaves the old sheet in place.
func TestSheetTooLargeIsDrawnSmaller(t *testing.T) {
	opts := maskerSheet(t)
	full, err := WriteSheet(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	sheetLimit = full.Bytes - 1
	t.Cleanup(func() { sheetLimit = MaxSheetBytes })
	res, err := WriteSheet(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	data, width := readSheet(t, res.Path)
	if len(data) != res.Bytes || res.Bytes >= full.Bytes {
		t.Fatalf("sheet is %d bytes (reported %d) under a limit of %d", len(data), res.Bytes, sheetLimit)
	}
	if width != sheetWidth(3, 300) {
		t.Errorf("sheet is %v wide, want 300-pixel tiles", width)
	}
	ents, _ := os.ReadDir(filepath.Dir(res.Path))
	if len(ents) != 1 {
		t.Errorf("dist/sheets holds %d entries; a temporary file was left", len(ents))
	}

	sheetLimit = 100 // nothing fits
	if _, err := WriteSheet(context.Background(), opts); err == nil || !strings.Contains(err.Error(), "over 100") {
		t.Errorf("err = %v, want the sheet refused", err)
	}
	if again, _ := os.ReadFile(res.Path); !bytes.Equal(again, data) {
		t.Error("a sheet too large for any size replaced the one before")
	}
}

func TestSheetOfABrokenPostFails(t *testing.T) {
	files := testProject()
	files["posts/masker.md"] = "---\ntitle: x\ndate: 2020-02-30 19:00\n---\n\nIsi.\n"
	root := writeProject(t, files)
	p, _ := project.ReadConfig(root)
	res, err := WriteSheet(context.Background(), SheetOptions{Root: root, Project: p, Post: filepath.Join("posts", "masker.md")})
	if err == nil || !strings.Contains(err.Error(), "masker.md:3") || len(res.Diags) == 0 {
		t.Errorf("err = %v, diags %v", err, res.Diags)
	}
	if _, err := os.Stat(filepath.Join(root, "dist")); !os.IsNotExist(err) {
		t.Error("a failed sheet wrote something")
	}
}

func TestSheetColumns(t *testing.T) {
	for n, want := range map[int]int{1: 1, 3: 3, 4: 4, 5: 3, 6: 3, 8: 4, 10: 5, 20: 5} {
		if got := sheetColumns(n); got != want {
			t.Errorf("sheetColumns(%d) = %d, want %d", n, got, want)
		}
	}
}

// readSheet reads a written sheet and decodes it, for its width.
func readSheet(t *testing.T, path string) ([]byte, int) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return data, img.Bounds().Dx()
}

// sheetWidth is the width of a sheet of cols columns of tiles tile
// pixels wide: margins of 48 and gaps of 28.
// maskerSheet writes the test project and asks for its masker post's
// sheet.
func maskerSheet(t *testing.T) SheetOptions {
	t.Helper()
	root := writeProject(t, testProject())
	p, err := project.ReadConfig(root)
	if err != nil {
		t.Fatal(err)
	}
	return SheetOptions{Root: root, Project: p, Post: filepath.Join("posts", "masker.md")}
}

func sheetWidth(cols, tile int) int { return 2*48 + cols*tile + (cols-1)*28 }

// A sheet of a built post, drawn from the slides its build stored, is
// the sheet of the post laid out afresh, byte for byte.
func TestSheetOfABuiltPostIsTheSame(t *testing.T) {
	opts := maskerSheet(t)
	res, err := WriteSheet(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	fresh, _ := readSheet(t, res.Path)
	results, err := build.Run(context.Background(), build.Options{Root: opts.Root, Project: opts.Project, Posts: []string{opts.Post}, Out: filepath.Join(opts.Root, "dist"), Format: render.JPEG})
	if err != nil || results[0].Err != nil {
		t.Fatalf("building: %v %v", err, results[0].Err)
	}
	if _, err := os.Stat(filepath.Join(opts.Root, "dist", "slides", "masker", build.DeckFile)); err != nil {
		t.Fatalf("the build stored no slides: %v", err)
	}
	if _, err := WriteSheet(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	if built, _ := readSheet(t, res.Path); !bytes.Equal(built, fresh) {
		t.Error("the sheet of the built post differs from the one laid out afresh")
	}
}
