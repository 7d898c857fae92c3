package cli

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// Version is set at release time with -ldflags "-X ...cli.Version=v1.2.3".
var Version = ""

// version reports the release, else the module version, else "dev".
func version() string {
	if Version != "" {
		return Version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

func newVersionCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:     "version",
		Short:   "Print the pkpm version",
		Args:    cobra.NoArgs,
		Example: "  $ pkpm version",
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := fmt.Fprintf(g.streams.Out, "pkpm %s (%s %s/%s)\n", version(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
			return err
		},
	}
}
