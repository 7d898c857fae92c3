package cli

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	_ "image/jpeg" // imgsize reads the slides
	"image/png"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets the scripts run pkpm as a real process: exit codes,
// stdout and stderr are what a user sees.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"pkpm": func() { os.Exit(Main(os.Args[1:], System())) },
	})
}

// TestScripts runs the acceptance scripts in testdata/script. Each script
// is one situation a user can be in; the custom commands below make the
// inputs a txtar archive cannot hold (invalid UTF-8, binary images, CRLF).
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: filepath.Join("testdata", "script"),
		Setup: func(env *testscript.Env) error {
			env.Setenv("NO_COLOR", "1")
			// The grids the scripts compare were drawn 120 columns wide.
			env.Setenv("COLUMNS", "120")
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exits":      cmdExits,
			"writebytes": cmdWriteBytes,
			"crlf":       cmdCRLF,
			"lorem":      cmdLorem,
			"mkpng":      cmdMkPNG,
			"bigpng":     cmdBigPNG,
			"imgsize":    cmdImgSize,
			"notmp":      cmdNoTmp,
			"difflines":  cmdDiffLines,
			"bundlesok":  cmdBundlesOK,
			"interrupt":  cmdInterrupt,
			"manyposts":  cmdManyPosts,
			"stopafter":  cmdStopAfter,
			"slidesok":   cmdSlidesOK,
			"countdirs":  cmdCountDirs,
		},
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		// Report every broken expectation of a script, not only the first.
		ContinueOnError: true,
	})
}

// exits <code> <program> [args...]: runs program like exec, keeping its
// stdout and stderr for the commands after it, and fails unless it exits
// with code. `! exec` only tells zero from non-zero; pkpm's exit codes
// tell a usage error (2) from a failed build (1).
func cmdExits(ts *testscript.TestScript, neg bool, args []string) {
	noNeg(ts, neg, "exits")
	if len(args) < 2 {
		ts.Fatalf("usage: exits <code> <program> [args...]")
	}
	want := atoi(ts, args[0])
	err := ts.Exec(args[1], args[2:]...)
	got := 0
	if err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("%s: %v", args[1], err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("%s exited with status %d, want %d", strings.Join(args[1:], " "), got, want)
	}
}

func noNeg(ts *testscript.TestScript, neg bool, name string) {
	if neg {
		ts.Fatalf("unsupported: ! %s", name)
	}
}

// writebytes <file> <text>: writes text with Go string escapes (\n, \xff)
// decoded, for bytes a txtar file cannot carry, such as invalid UTF-8.
func cmdWriteBytes(ts *testscript.TestScript, neg bool, args []string) {
	noNeg(ts, neg, "writebytes")
	if len(args) != 2 {
		ts.Fatalf("usage: writebytes <file> <go-escaped-text>")
	}
	text, err := strconv.Unquote(`"` + strings.ReplaceAll(args[1], `"`, `\"`) + `"`)
	ts.Check(err)
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(text), 0o644))
}

// crlf <file>: rewrites a file with CRLF line endings and a UTF-8 BOM, the
// way Notepad on Windows saves it.
func cmdCRLF(ts *testscript.TestScript, neg bool, args []string) {
	noNeg(ts, neg, "crlf")
	if len(args) != 1 {
		ts.Fatalf("usage: crlf <file>")
	}
	src := []byte(ts.ReadFile(args[0]))
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	src = bytes.ReplaceAll(src, []byte("\n"), []byte("\r\n"))
	src = append([]byte("\xef\xbb\xbf"), src...)
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), src, 0o644))
}

// lorem <file> <words>: writes a post with valid front matter and a body of
// Indonesian-looking words in paragraphs of sixty, with no "---" breaks and
// no headings. The words are the same on every run.
func cmdLorem(ts *testscript.TestScript, neg bool, args []string) {
	noNeg(ts, neg, "lorem")
	if len(args) != 2 {
		ts.Fatalf("usage: lorem <file> <words>")
	}
	n, err := strconv.Atoi(args[1])
	ts.Check(err)
	syllables := []string{"ma", "sa", "ka", "ra", "ta", "nya", "ba", "da", "la", "pa", "wa", "ju", "ki", "lu", "me", "ber", "pe", "an", "kan", "ngu"}
	var b strings.Builder
	b.WriteString("---\ntitle: Artikel Sangat Panjang\ndate: 2020-08-20 19:00\n---\n\n")
	seed := uint32(1)
	next := func() int {
		seed = seed*1664525 + 1013904223
		return int(seed >> 16)
	}
	for i := range n {
		for range 1 + next()%4 {
			b.WriteString(syllables[next()%len(syllables)])
		}
		switch {
		case i == n-1 || i%60 == 59:
			b.WriteString(".\n\n")
		default:
			b.WriteByte(' ')
		}
	}
	path := ts.MkAbs(args[0])
	ts.Check(os.MkdirAll(filepath.Dir(path), 0o755))
	ts.Check(os.WriteFile(path, []byte(b.String()), 0o644))
}

// mkpng <file> <w> <h>: writes a real, decodable PNG of one colour.
func cmdMkPNG(ts *testscript.TestScript, neg bool, args []string) {
	noNeg(ts, neg, "mkpng")
	if len(args) != 3 {
		ts.Fatalf("usage: mkpng <file> <w> <h>")
	}
	w, h := atoi(ts, args[1]), atoi(ts, args[2])
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{R: 0x0b, G: 0x6e, B: 0x64, A: 0xff})
		}
	}
	var buf bytes.Buffer
	ts.Check(png.Encode(&buf, img))
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), buf.Bytes(), 0o644))
}

// bigpng <file> <w> <h>: writes a PNG whose header declares w×h pixels but
// whose data is a few bytes, like a decompression bomb. A reader that
// trusts the header and allocates the pixels would need gigabytes.
func cmdBigPNG(ts *testscript.TestScript, neg bool, args []string) {
	noNeg(ts, neg, "bigpng")
	if len(args) != 3 {
		ts.Fatalf("usage: bigpng <file> <w> <h>")
	}
	w, h := atoi(ts, args[1]), atoi(ts, args[2])
	var buf bytes.Buffer
	buf.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9] = 8, 2 // 8-bit RGB
	writeChunk(&buf, "IHDR", ihdr)
	// An empty zlib stream: valid framing, no pixels.
	writeChunk(&buf, "IDAT", []byte{0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01})
	writeChunk(&buf, "IEND", nil)
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), buf.Bytes(), 0o644))
}

func writeChunk(buf *bytes.Buffer, kind string, data []byte) {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(data)))
	buf.Write(n[:])
	crc := crc32.NewIEEE()
	crc.Write([]byte(kind))
	crc.Write(data)
	buf.WriteString(kind)
	buf.Write(data)
	binary.BigEndian.PutUint32(n[:], crc.Sum32())
	buf.Write(n[:])
}

// imgsize <file> <w> <h>: checks that a file is an image of that size, in
// the format its extension names.
func cmdImgSize(ts *testscript.TestScript, neg bool, args []string) {
	noNeg(ts, neg, "imgsize")
	if len(args) != 3 {
		ts.Fatalf("usage: imgsize <file> <w> <h>")
	}
	cfg, format, err := image.DecodeConfig(strings.NewReader(ts.ReadFile(args[0])))
	if err != nil {
		ts.Fatalf("%s: %v", args[0], err)
	}
	want := map[string]string{".jpg": "jpeg", ".jpeg": "jpeg", ".png": "png"}[strings.ToLower(filepath.Ext(args[0]))]
	if format != want {
		ts.Fatalf("%s is %s, want %s", args[0], format, want)
	}
	if w, h := atoi(ts, args[1]), atoi(ts, args[2]); cfg.Width != w || cfg.Height != h {
		ts.Fatalf("%s is %d×%d, want %d×%d", args[0], cfg.Width, cfg.Height, w, h)
	}
}

// notmp <dir>: fails if anything under dir is left over from an
// unfinished write: a ".tmp-*" folder or a ".old" one.
func cmdNoTmp(ts *testscript.TestScript, neg bool, args []string) {
	noNeg(ts, neg, "notmp")
	if len(args) != 1 {
		ts.Fatalf("usage: notmp <dir>")
	}
	var left []string
	err := filepath.WalkDir(ts.MkAbs(args[0]), func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if name := d.Name(); strings.HasPrefix(name, ".tmp-") || strings.HasSuffix(name, ".old") {
			left = append(left, path)
		}
		return nil
	})
	ts.Check(err)
	if len(left) > 0 {
		ts.Fatalf("half-written output left behind: %s", strings.Join(left, ", "))
	}
}

func atoi(ts *testscript.TestScript, s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		ts.Fatalf("%q is not a number", s)
	}
	return n
}
