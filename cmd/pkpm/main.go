// Command pkpm turns Markdown articles into Instagram carousel images.
package main

import (
	"os"

	"github.com/pkpm-btn3/pkpm/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], cli.System()))
}
