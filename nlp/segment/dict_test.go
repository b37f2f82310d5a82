package segment

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

// The budget dictionary is a maintained source file: check its format and
// that the terms the pipeline relies on are in it.
func TestBudgetDictionary(t *testing.T) {
	if !utf8.Valid(budgetDictSource) {
		t.Fatal("budget_dict.txt is not valid UTF-8")
	}
	entries, err := parseBudgetDict(budgetDictSource)
	if err != nil {
		t.Fatal(err)
	}
	raw := make(map[string]int)
	for _, line := range strings.Split(string(budgetDictSource), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.TrimSpace(line) != line || strings.Contains(line, "  ") {
			t.Errorf("stray whitespace in %q", line)
		}
		raw[strings.Fields(line)[0]]++
	}
	for w, n := range raw {
		if n > 1 {
			t.Errorf("%q listed %d times", w, n)
		}
	}
	allowedPOS := map[string]bool{"n": true, "nz": true, "t": true}
	words := make(map[string]bool)
	for _, e := range entries {
		if !allowedPOS[e.POS] {
			t.Errorf("line %d: unexpected POS %q", e.Line, e.POS)
		}
		if e.Freq < 1000 {
			t.Errorf("line %d: frequency %d too low to beat a split", e.Line, e.Freq)
		}
		if utf8.RuneCountInString(e.Word) < 2 {
			t.Errorf("line %d: single-rune word %q", e.Line, e.Word)
		}
		words[e.Word] = true
	}
	required := []string{
		// 功能分类
		"一般公共服务支出", "国防支出", "公共安全支出", "教育支出", "科学技术支出", "文化旅游体育与传媒支出",
		"社会保障和就业支出", "卫生健康支出", "节能环保支出", "城乡社区支出", "农林水支出", "交通运输支出",
		"资源勘探工业信息等支出", "商业服务业等支出", "金融支出", "自然资源海洋气象等支出", "住房保障支出",
		"粮油物资储备支出", "灾害防治及应急管理支出", "其他支出", "行政运行", "一般行政管理事务", "机关服务",
		"事业运行", "行政单位离退休", "机关事业单位基本养老保险缴费支出", "住房公积金", "提租补贴", "购房补贴",
		// 经济分类
		"工资福利支出", "商品和服务支出", "对个人和家庭的补助", "资本性支出", "津贴补贴", "绩效工资", "办公费",
		"印刷费", "差旅费", "会议费", "培训费", "公务接待费", "劳务费", "委托业务费", "工会经费", "福利费",
		"公务用车运行维护费", "其他交通费用", "办公设备购置",
		// 预算词汇
		"财政拨款收入", "一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "国有资本经营预算财政拨款收入",
		"事业收入", "事业单位经营收入", "其他收入", "上年结转", "年初结转和结余", "结转下年", "基本支出", "项目支出",
		"人员经费", "公用经费", "机关运行经费", "三公经费", `"三公"经费`, "“三公”经费", foldString("因公出国（境）费"),
		"公务用车购置及运行维护费", "公务用车购置费", "政府采购", "政府采购预算", "国有资产占用情况", "绩效目标",
		"绩效评价", "部门预算", "单位预算", "部门决算", "收支预算总表", "收入预算总额", "支出预算总额",
		"预算执行数", "财政拨款", "编制人数", "实有人数",
	}
	for _, w := range required {
		if !words[w] {
			t.Errorf("required term %q missing from budget_dict.txt", w)
		}
	}
}

func TestParseBudgetDictRejects(t *testing.T) {
	tests := map[string]string{
		"two columns":   "财政拨款 3000\n",
		"zero freq":     "财政拨款 0 n\n",
		"bad freq":      "财政拨款 many n\n",
		"duplicate":     "财政拨款 3000 n\n财政拨款 2000 n\n",
		"fold dup":      "因公出国（境）费 3000 n\n因公出国(境)费 3000 n\n",
		"invalid utf-8": "财政\xff拨款 3000 n\n",
		"only comments": "# nothing\n\n",
		"tab separated": "财政拨款\t3000\tn\n",
	}
	for name, src := range tests {
		if _, err := parseBudgetDict([]byte(src)); err == nil {
			t.Errorf("%s: accepted %q", name, src)
		}
	}
}

// Each validator must reject what would crash or corrupt jieba, and accept
// the files we embed.
func TestValidators(t *testing.T) {
	files, err := dictFiles()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		data, err := f.content()
		if err != nil {
			t.Fatalf("%s: %v", f.name, err)
		}
		if err := f.validate(data); err != nil {
			t.Errorf("embedded %s rejected: %v", f.name, err)
		}
		for name, bad := range map[string][]byte{
			"empty":        {},
			"invalid utf8": append(append([]byte{}, data[:min(len(data), 100)]...), 0xff, '\n'),
			"nul":          []byte("a\x00 1 n\n"),
		} {
			if err := f.validate(bad); err == nil {
				t.Errorf("%s: %s file accepted", f.name, name)
			}
		}
	}
	bad := []struct {
		name     string
		validate func([]byte) error
		data     string
	}{
		{"dict two columns", validateMainDict, "预算 10\n"},
		{"dict blank line", validateMainDict, "预算 10 n\n\n支出 3 v\n"},
		{"dict zero freq", validateMainDict, "预算 0 n\n"},
		{"dict CR", validateMainDict, "预算 10 n\r\n"},
		{"hmm too short", validateHMMModel, "#c\n-1 -2 -3 -4\n"},
		{"hmm bad emission", validateHMMModel, "0 0 0 0\n" + strings.Repeat("0 0 0 0\n", 4) + "a:1,bc:2\nd:1\ne:1\nf:1\n"},
		{"user four columns", validateUserDict, "预算 10 n extra\n"},
		{"user zero freq", validateUserDict, "预算 0 n\n"},
		{"idf zero", validateIDF, "预算 0\n"},
		{"idf one column", validateIDF, "预算\n"},
		{"stop words blank", validateStopWords, "\n\n"},
	}
	for _, tt := range bad {
		if err := tt.validate([]byte(tt.data)); err == nil {
			t.Errorf("%s: accepted %q", tt.name, tt.data)
		}
	}
	good := "0 0 0 0\n" + strings.Repeat("0 0 0 0\n", 4) + "a:1,b:2\nd:1\ne:1\nf:-3.14e+100\n"
	if err := validateHMMModel([]byte(good)); err != nil {
		t.Errorf("minimal HMM model rejected: %v", err)
	}
}

// Two loaders racing on a cold cache both end up with the same valid
// directory, and a damaged directory is repaired.
func TestPrepareDictDir(t *testing.T) {
	root := t.TempDir()
	var wg sync.WaitGroup
	results := make([][]string, 4)
	errs := make([]error, 4)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i], _, errs[i] = prepareDictDir(root)
		}()
	}
	wg.Wait()
	for i := range results {
		if errs[i] != nil {
			t.Fatalf("loader %d: %v", i, errs[i])
		}
		if strings.Join(results[i], "|") != strings.Join(results[0], "|") {
			t.Fatalf("loaders disagree: %q vs %q", results[i], results[0])
		}
	}
	dir := filepath.Dir(results[0][0])
	if want := filepath.Join(root, "budgetdoc", "jieba-"+contentHash()); dir != want {
		t.Errorf("dictionary dir %s, want %s", dir, want)
	}
	leftovers, _ := filepath.Glob(filepath.Join(root, "budgetdoc", ".jieba-tmp-*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary directories left behind: %q", leftovers)
	}

	// Damage a file (e.g. a truncated copy): the next load must repair it.
	if err := os.WriteFile(results[0][3], nil, 0o644); err != nil {
		t.Fatal(err)
	}
	paths, _, err := prepareDictDir(root)
	if err != nil {
		t.Fatalf("repair: %v", err)
	}
	data, err := os.ReadFile(paths[3])
	if err != nil || !bytes.Equal(data, []byte(idfFile)) {
		t.Errorf("idf file not repaired: %q, %v", data, err)
	}
}

func TestCacheRootsFallBackToTempDir(t *testing.T) {
	t.Setenv("HOME", "")
	t.Setenv("XDG_CACHE_HOME", "")
	roots := CacheRoots()
	if len(roots) != 1 || roots[0] != os.TempDir() {
		t.Errorf("cacheRoots without HOME = %q, want only %q", roots, os.TempDir())
	}
}

func TestLoadSkipsUnusableRoot(t *testing.T) {
	if testing.Short() {
		t.Skip("loads a second jieba instance")
	}
	blocked := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(blocked, []byte("not a directory"), 0o644); err != nil {
		t.Fatal(err)
	}
	seg, err := load([]string{blocked, t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer seg.close()
	if got := texts(seg.Segment("收入预算总额", nil)); len(got) != 1 {
		t.Errorf("segmented %q", got)
	}
}

// TestValidityRecord: a warm start trusts files only while their bytes are
// the ones validated; a file changed since is parsed again and rejected.
func TestValidityRecord(t *testing.T) {
	root := t.TempDir()
	paths, _, err := prepareDictDir(root)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Dir(paths[0])
	record, err := os.ReadFile(filepath.Join(dir, validRecordName))
	if err != nil {
		t.Fatalf("no validity record: %v", err)
	}
	files, err := dictFiles()
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := validateDir(dir, files); err != nil {
		t.Fatalf("valid directory rejected: %v", err)
	}
	if err := os.WriteFile(paths[0], []byte("预算 0 n\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := validateDir(dir, files); err == nil {
		t.Error("a dictionary changed since validation was accepted on the old record")
	}
	if after, _ := os.ReadFile(filepath.Join(dir, validRecordName)); !bytes.Equal(after, record) {
		t.Error("a failed validation rewrote the validity record")
	}
}
