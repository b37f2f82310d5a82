module github.com/yanyiwu/gojieba

go 1.17
