package corpus

import (
	"fmt"
	"io"
	"os"

	"github.com/budgetdoc/budgetdoc/extract"
)

// stackLog receives the stack of every internal error (a bug of ours): the
// errors table keeps the one-line message, the stack goes to the log.
var stackLog io.Writer = os.Stderr

// logInternal writes err with its stack to stackLog when err is a bug of
// ours (extract.ErrInternal), and does nothing otherwise.
func logInternal(err error) {
	if stack := extract.StackOf(err); stack != nil {
		fmt.Fprintf(stackLog, "budgetdoc: %v\n%s\n", err, stack)
	}
}
