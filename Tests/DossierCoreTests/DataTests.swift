import Testing
@testable import DossierModel
@testable import DossierLoad
@testable import DossierData
@testable import DossierFigures

func dataFile(_ path: String, _ text: String) -> SourceFile {
    SourceFile(path: path, bytes: Array(text.utf8))
}

func parseDatasets(_ files: [SourceFile]) -> ([Dataset], Diagnostics) {
    var diagnostics = Diagnostics()
    let datasets = DatasetParser.parse(files, diagnostics: &diagnostics)
    return (datasets, diagnostics)
}

@Suite struct CSVDatasetTests {
    @Test func readsQuotedFieldsNewlinesCRLFAndBOM() throws {
        let text = "\u{FEFF}name,note,value\r\n\"Smith, J.\",\"said \"\"hi\"\"\nthen left\",1.5\r\nDoe,plain,2\r\n"
        let (datasets, diagnostics) = parseDatasets([dataFile("content/data/people.csv", text)])
        #expect(diagnostics.items.isEmpty, "\(diagnostics.sorted)")
        let dataset = try #require(datasets.first)
        #expect(dataset.columnNames == ["name", "note", "value"])
        #expect(dataset.rows[0] == [.text("Smith, J."), .text("said \"hi\"\nthen left"), .number(1.5)])
        #expect(dataset.rowLines == [2, 4])
    }

    @Test func infersTypes() throws {
        let text = "annee,trimestre,part,pct,label,mois\n2016,2016Q1,12.5,12%,a,2017-07\n2017,2017-T2,-3,4.5 %,b,2017-08\n"
        let (datasets, _) = parseDatasets([dataFile("content/data/t.csv", text)])
        let types = try #require(datasets.first).columns.map(\.type)
        #expect(types == [.date, .date, .number, .percent, .text, .date])
        #expect(datasets.first?.rows[1][1] == .date(DateValue(year: 2017, month: 4, precision: .quarter)))
    }

    @Test func raggedRowIsAnErrorOnItsLine() {
        let (_, diagnostics) = parseDatasets([dataFile("content/data/r.csv", "a,b\n1,2\n3\n")])
        #expect(diagnostics.errors.map(\.description) == ["content/data/r.csv:3:1: error: row has 1 field, the header has 2 (a, b)"])
    }

    @Test func cellThatDoesNotFitItsDeclaredTypeNamesLineAndColumn() {
        let (_, diagnostics) = parseDatasets([
            dataFile("content/data/s.csv", "vendor,share\nXiaomi,12.4\nOPPO,douze\n"),
            dataFile("content/data/s.yaml", "columns:\n  share: {type: number}\n"),
        ])
        #expect(diagnostics.errors.first?.file == "content/data/s.csv")
        #expect(diagnostics.errors.first?.line == 3)
        #expect(diagnostics.errors.first?.column == 6)
        #expect(diagnostics.errors.first?.message.hasPrefix("column \"share\" holds numbers, but \"douze\" is not a number") == true)
    }

    @Test func emptyFileIsAnError() {
        let (_, diagnostics) = parseDatasets([dataFile("content/data/e.csv", "")])
        #expect(diagnostics.errors.first?.message.hasPrefix("dataset is empty") == true)
    }

    @Test func metadataIsReadAndChecked() throws {
        let (datasets, diagnostics) = parseDatasets([
            dataFile("content/data/m.csv", "x,y\n2017,1\n"),
            dataFile("content/data/m.yaml", "title: T\nsource: IDC\nsource_url: https://idc.com\ncolumns:\n  y: {label: Ventes, unit: M}\n  z: {label: Nope}\n"),
        ])
        #expect(diagnostics.errors.map(\.description) == [
            "content/data/m.yaml:6:3: error: metadata describes column \"z\", which m.csv does not have (columns: x, y)"
        ])
        #expect(datasets.isEmpty)
        let (fixed, _) = parseDatasets([
            dataFile("content/data/m.csv", "x,y\n2017,1\n"),
            dataFile("content/data/m.yaml", "title: T\nsource: IDC\ncolumns:\n  y: {label: Ventes, unit: M}\n"),
        ])
        let dataset = try #require(fixed.first)
        #expect(dataset.metadata.title == "T")
        #expect(dataset.columns[1] == DataColumn(name: "y", label: "Ventes", unit: "M", type: .number, decimals: 0))
    }

    @Test func csvAndJSONWithOneNameIsAnError() {
        let (_, diagnostics) = parseDatasets([dataFile("content/data/d.csv", "a\n1\n"), dataFile("content/data/d.json", "[{\"a\": 1}]")])
        #expect(diagnostics.errors.first?.message.contains("defined twice") == true)
    }
}

@Suite struct JSONDatasetTests {
    @Test func readsFlatObjectsKeepingKeyOrder() throws {
        let text = "[\n  {\"year\": 2017, \"vendor\": \"Xiaomi\", \"share\": 12.4, \"top\": true},\n  {\"year\": 2016, \"vendor\": \"OPPO\", \"share\": null}\n]"
        let (datasets, diagnostics) = parseDatasets([dataFile("content/data/j.json", text)])
        #expect(diagnostics.items.isEmpty, "\(diagnostics.sorted)")
        let dataset = try #require(datasets.first)
        #expect(dataset.columnNames == ["year", "vendor", "share", "top"])
        #expect(dataset.rows[0] == [.date(DateValue(year: 2017, precision: .year)), .text("Xiaomi"), .number(12.4), .text("true")])
        #expect(dataset.rows[1][2] == .empty)
        #expect(dataset.rowLines == [2, 3])
    }

    @Test func malformedJSONIsAnError() {
        let (_, diagnostics) = parseDatasets([dataFile("content/data/j.json", "[{\"a\": 1,}")])
        #expect(diagnostics.errors.first?.message.hasPrefix("malformed JSON") == true)
    }

    /// Foundation's reader on Linux takes `[1,]` and `{"a": 1,}`; RFC 8259 does not, and neither
    /// does a build: the error points at the comma.
    @Test(arguments: [
        ("[{\"a\": 1,}]", 1, 9, "trailing comma before `}`"),
        ("[{\"a\": 1},]", 1, 10, "trailing comma before `]`"),
        ("[\n  {\"a\": 1},\n  {\"a\": 2},\n]\n", 3, 11, "trailing comma before `]`"),
        ("[{\"é\": \"à\",\n }]", 1, 11, "trailing comma before `}`"),
    ])
    func trailingCommasAreErrorsWithLineAndColumn(text: String, line: Int, column: Int, message: String) {
        let (datasets, diagnostics) = parseDatasets([dataFile("content/data/j.json", text)])
        #expect(datasets.isEmpty)
        #expect(diagnostics.errors.map(\.description) == ["content/data/j.json:\(line):\(column): error: malformed JSON: \(message): JSON allows none"])
    }

    @Test func duplicateKeysAreErrorsNamingTheKey() {
        let text = "[\n  {\"a\": 1, \"b\": 2},\n  {\"a\": 1, \"b\": 2, \"\\u0061\": 3}\n]"
        let (datasets, diagnostics) = parseDatasets([dataFile("content/data/j.json", text)])
        #expect(datasets.isEmpty)
        #expect(diagnostics.errors.map(\.description) == [
            "content/data/j.json:3:20: error: malformed JSON: key \"a\" appears twice in the same object (first at line 3, column 4)"
        ])
    }

    @Test(arguments: [
        ("", 1, 1, "the text ends where a value was expected"),
        ("[01]", 1, 2, "malformed number: no leading zero is allowed"),
        ("[1.]", 1, 2, "malformed number: a digit must follow the decimal point"),
        ("[+1]", 1, 2, "expected a value (a string, number, object, array, true, false or null), found `+`"),
        ("[{'a': 1}]", 1, 3, "expected a key in double quotes, found `'`"),
        ("[{\"a\" 1}]", 1, 7, "expected `:` after the key \"a\", found `1`"),
        ("[{\"a\": tru}]", 1, 8, "expected a value, found `t`"),
        ("[\"a\tb\"]", 1, 4, "control character U+0009 in a string: write it as an escape such as \\n or \\u0009"),
        ("[\"\\x\"]", 1, 3, "unknown escape `\\x` in a string (use \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX)"),
        ("[1] [2]", 1, 5, "unexpected `[` after the end of the JSON value"),
        ("[{\"a\": 1}", 1, 10, "the text ends before the array is closed with `]`"),
        ("[1 2]", 1, 4, "expected `,` or `]`, found `2`"),
        ("/* c */ []", 1, 1, "expected a value (a string, number, object, array, true, false or null), found `/`"),
    ])
    func otherSyntaxErrorsHaveTheirPosition(text: String, line: Int, column: Int, message: String) {
        let failure = JSONSyntax.firstError(in: text)
        #expect(failure == JSONSyntax.Failure(message: message, line: line, column: column))
    }

    @Test func validJSONPassesTheStrictCheck() {
        let texts = ["[]", "{}", "0", "-0.5e+10", "\"\\ud83d\\ude00\"", "[{\"a\": [1, {\"a\": 2}], \"b\": {\"a\": null}}]",
                     "\u{FEFF}[true, false, null]", " \r\n\t[ 1 , 2 ]\n", "{\"a\": 1, \"A\": 2, \"a \": 3}"]
        for text in texts {
            #expect(JSONSyntax.firstError(in: text) == nil, "\(text)")
        }
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(JSONSyntax.firstError(in: deep)?.message == "arrays and objects are nested more than 512 deep")
    }

    @Test func nestedValuesAreRefused() {
        let (_, diagnostics) = parseDatasets([dataFile("content/data/j.json", "[{\"a\": {\"b\": 1}}]")])
        #expect(diagnostics.errors.first?.message.contains("flat") == true)
    }
}

@Suite struct LocaleFormatTests {
    let fr = LocaleFormat(language: "fr")
    let en = LocaleFormat(language: "en")

    @Test func frenchNumbers() {
        #expect(fr.number(1234.5) == "1\u{202F}234,5")
        #expect(fr.number(-3) == "\u{2212}3")
        #expect(fr.number(1472.4, decimals: 0) == "1\u{202F}472")
        #expect(fr.percent(12.5) == "12,5\u{202F}%")
        #expect(fr.value(41.5, unit: "M") == "41,5\u{00A0}M")
        #expect(en.number(1234.5) == "1,234.5")
        #expect(en.percent(12.5) == "12.5%")
    }

    @Test func frenchDates() {
        #expect(fr.date(DateValue(year: 2017, month: 7, precision: .quarter)) == "T3\u{00A0}2017")
        #expect(fr.date(DateValue(year: 2017, month: 7, precision: .month)) == "juil.\u{00A0}2017")
        #expect(fr.date(DateValue(year: 2017, precision: .year)) == "2017")
        #expect(en.date(DateValue(year: 2017, month: 7, precision: .quarter)) == "Q3\u{00A0}2017")
    }
}

@Suite struct InlineValueTests {
    @Test func parsesReferences() throws {
        let value = try #require(InlineValue.parse("=china.share[vendor=Xiaomi, period=2017Q3]")).get()
        #expect(value.dataset == "china" && value.column == "share")
        #expect(value.filters.map(\.column) == ["vendor", "period"])
        #expect(value.filters.map(\.values) == [["Xiaomi"], ["2017Q3"]])
        #expect(InlineValue.parse("plain code") == nil)
        #expect(InlineValue.parse("==") != nil)
    }
}

/// The size limit on dataset files (docs/commands.md, "Limits").
@Suite struct DataFileLimitTests {
    @Test func filesUpToTheLimitAreRead() {
        #expect(DataFileLimit.check("content/data/a.csv", size: DataFileLimit.maximumBytes) == nil)
        #expect(DataFileLimit.check("content/data/a.json", size: 0) == nil)
        #expect(DataFileLimit.check("content/data/a.yaml", size: 50_000_000) == nil, "metadata is not a dataset")
        let error = DataFileLimit.check("content/data/a.json", size: DataFileLimit.maximumBytes + 1)
        #expect(error?.description.hasPrefix("content/data/a.json: error: dataset file is 10 MB (10000001 bytes), over the limit of 10 MB") == true)
    }

    @Test func sizesAreWrittenInMegabytes() {
        #expect(DataFileLimit.megabytes(10_000_000) == "10 MB")
        #expect(DataFileLimit.megabytes(52_428_857) == "52.4 MB")
        #expect(DataFileLimit.megabytes(209_950_000) == "210 MB")
        #expect(DataFileLimit.megabytes(10_049_999) == "10 MB")
        #expect(DataFileLimit.megabytes(10_050_000) == "10.1 MB")
    }

    @Test func stemsPairADatasetWithItsMetadata() {
        #expect(DataFileLimit.stem("content/data/ventes.csv") == DataFileLimit.stem("content/data/ventes.yaml"))
        #expect(DataFileLimit.stem("content/data/v.2017.csv") == "content/data/v.2017")
    }
}
