package content

import (
	"fmt"
	"os"
	"testing"
	"time"
)

func TestScratch(t *testing.T) {
	src, err := os.ReadFile(os.Getenv("SCRATCH"))
	if err != nil {
		t.Skip()
	}
	a, err := Parse("posts/x.md", src, time.FixedZone("WIB", 7*3600))
	if err != nil {
		fmt.Println("ERR:", err)
		return
	}
	fmt.Printf("%+v\n", a.Meta)
	fmt.Print(dump(a))
	for _, w := range a.Warnings {
		fmt.Println("WARN", w)
	}
}
