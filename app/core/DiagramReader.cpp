// SPDX-License-Identifier: MIT
#include "DiagramReader.h"

#include "JsonBuilder.h"
#include "ReadError.h"
#include "SectionReader.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cstring>
#include <iterator>
#include <memory>
#include <optional>

namespace mls {

namespace {

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1) + QStringLiteral(" MB");
}

/// What scanStructure does with a byte outside any string. Binary: a byte JSON never allows
/// outside a string.
enum class ByteClass : unsigned char
{
    Plain,
    Quote,
    Comma,
    Open,
    Close,
    Binary
};

constexpr ByteClass byteClass(unsigned b)
{
    if (b == '"')
        return ByteClass::Quote;
    if (b == ',')
        return ByteClass::Comma;
    if (b == '{' || b == '[')
        return ByteClass::Open;
    if (b == '}' || b == ']')
        return ByteClass::Close;
    if (b >= 0x80 || (b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7F)
        return ByteClass::Binary;
    return ByteClass::Plain;
}

struct ByteClasses
{
    ByteClass of[256];
    constexpr ByteClasses() : of()
    {
        for (unsigned b = 0; b < 256; ++b)
            of[b] = byteClass(b);
    }
};
constexpr ByteClasses byteClasses;

/// Eight bytes at @p p, in the machine's order (the tests below do not depend on it).
quint64 eightBytes(const char *p)
{
    quint64 v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

/// True when one of the eight bytes of @p v equals @p byte (the classic zero-byte test).
bool hasByte(quint64 v, unsigned char byte)
{
    constexpr quint64 ones = 0x0101010101010101ULL;
    constexpr quint64 highs = 0x8080808080808080ULL;
    const quint64 x = v ^ (ones * byte);
    return ((x - ones) & ~x & highs) != 0;
}

/// The first quote or backslash at or after @p i (before @p n), or @p n; eight bytes at a
/// time while none is either.
qint64 nextQuoteOrBackslash(const char *data, qint64 i, qint64 n)
{
    while (i + 8 <= n && !hasByte(eightBytes(data + i), '"') &&
           !hasByte(eightBytes(data + i), '\\'))
        i += 8;
    while (i < n && data[i] != '"' && data[i] != '\\')
        ++i;
    return i;
}

/// The end of the string whose opening quote is at @p start: the index of its closing quote,
/// or @p n when the text ends inside it.
qint64 stringEnd(const char *data, qint64 start, qint64 n)
{
    for (qint64 i = start + 1;; i += 2) { // past a backslash and the byte it escapes
        i = nextQuoteOrBackslash(data, i, n);
        if (i >= n)
            return n;
        if (data[i] == '"')
            return i;
    }
}

/// True when a string is over the cap: some byte of it that is neither an escape nor the
/// character after one lies more than @p maxBytes past the opening quote at @p start.
bool stringTooLong(const char *data, qint64 start, qint64 end, qint64 maxBytes)
{
    bool escaped = false;
    for (qint64 i = start + 1; i < end; ++i) {
        if (escaped)
            escaped = false;
        else if (data[i] == '\\')
            escaped = true;
        else if (i - start > maxBytes)
            return true;
    }
    return false;
}

/// Refuses structure nlohmann would accept but we will not hold: deep nesting (a 100,000-deep
/// file would make every later recursive walk dangerous) and huge strings. One linear pass
/// (the writer runs it on every save, so strings are skipped in one tight loop).
void scanStructure(const QByteArray &bytes, const ReadLimits &limits)
{
    int depth = 0;
    qint64 values = 0;
    const char *data = bytes.constData();
    const qint64 n = bytes.size();
    const bool bom = bytes.startsWith("\xEF\xBB\xBF");
    auto tooManyValues = [&](qint64 i) {
        return ReadError{lineColumn(bytes, i),
                         QStringLiteral("more than %1 JSON values (the limit for a file)")
                             .arg(limits.maxJsonValues)};
    };
    for (qint64 i = 0; i < n; ++i) {
        ByteClass byteClass = byteClasses.of[uchar(data[i])];
        while (byteClass == ByteClass::Plain) {
            // Pretty-printed text is mostly indentation: skip it eight spaces at a time.
            i += i + 8 <= n && eightBytes(data + i) == 0x2020202020202020ULL ? 8 : 1;
            if (i >= n)
                return;
            byteClass = byteClasses.of[uchar(data[i])];
        }
        const char ch = data[i];
        switch (byteClass) {
        case ByteClass::Plain:
            break;
        case ByteClass::Quote: {
            const qint64 end = stringEnd(data, i, n);
            if (end - i - 1 > limits.maxStringBytes &&
                stringTooLong(data, i, end, limits.maxStringBytes))
                throw ReadError{lineColumn(bytes, i),
                                QStringLiteral("a string longer than %1 (the limit for any text)")
                                    .arg(megabytes(limits.maxStringBytes))};
            i = end;
            break;
        }
        case ByteClass::Comma:
            if (++values > limits.maxJsonValues)
                throw tooManyValues(i);
            break;
        case ByteClass::Open:
            if (++values > limits.maxJsonValues)
                throw tooManyValues(i);
            if (++depth > limits.maxDepth)
                throw ReadError{
                    lineColumn(bytes, i),
                    QStringLiteral("nesting deeper than %1 levels").arg(limits.maxDepth)};
            break;
        case ByteClass::Close:
            --depth;
            break;
        case ByteClass::Binary: {
            if (bom && i < 3)
                break;
            // JSON allows no control character and no non-ASCII byte outside a string; and
            // nlohmann takes a NUL for the end of the input (a trailing NUL would be accepted,
            // a file of NULs would read as "ends too early").
            const auto byte = uchar(ch);
            const QString what =
                byte == 0 ? QStringLiteral("a NUL byte")
                          : QStringLiteral("byte 0x%1").arg(QString::number(byte, 16).toUpper());
            throw ReadError{lineColumn(bytes, i),
                            QStringLiteral("%1 outside any string: binary data, not an mlsketch "
                                           "file (a JSON text)")
                                .arg(what)};
        }
        }
    }
}

/// What a streamed read gives up with: the file is read again whole, which words the refusal.
struct StreamRefused
{};

/// A file read in chunks small enough to stay in the cache, each checked as scanStructure
/// checks the whole file before the parser sees it. Conservative: whatever the whole-file
/// path might refuse (a byte it allows only as a BOM, a string that might be over the cap,
/// a file that grew past the limit) makes it give up, and the caller reads the file again.
class ChunkedFile
{
public:
    ChunkedFile(QFile &file, const ReadLimits &limits) : m_file(file), m_limits(limits) {}

    /// The next chunk in [@p begin, @p end); false at the end of the file.
    bool next(const char *&begin, const char *&end)
    {
        const qint64 n = m_file.read(m_buffer, sizeof m_buffer);
        if (n < 0 || (m_total += n) > m_limits.maxFileBytes)
            throw StreamRefused{};
        if (n == 0)
            return false;
        scan(m_buffer, n);
        begin = m_buffer;
        end = m_buffer + n;
        return true;
    }

private:
    void scan(const char *data, qint64 n);

    QFile &m_file;
    const ReadLimits &m_limits;
    qint64 m_total = 0;
    int m_depth = 0;
    qint64 m_values = 0;
    bool m_inString = false;
    bool m_escaped = false;   ///< the string's last byte was a backslash
    qint64 m_stringBytes = 0; ///< of the open string, escapes included
    char m_buffer[128 * 1024];
};

void ChunkedFile::scan(const char *data, qint64 n)
{
    qint64 i = 0;
    while (i < n) {
        if (m_inString) {
            if (m_escaped) {
                m_escaped = false;
                ++m_stringBytes;
                ++i;
                continue;
            }
            const qint64 j = nextQuoteOrBackslash(data, i, n);
            m_stringBytes += j - i;
            if (m_stringBytes > m_limits.maxStringBytes)
                throw StreamRefused{};
            if (j == n)
                return;
            m_inString = data[j] != '"';
            m_escaped = m_inString;
            m_stringBytes += m_escaped ? 1 : 0;
            i = j + 1;
            continue;
        }
        switch (byteClasses.of[uchar(data[i])]) {
        case ByteClass::Plain:
            // Pretty-printed text is mostly indentation: eight spaces at a time.
            i += i + 8 <= n && eightBytes(data + i) == 0x2020202020202020ULL ? 8 : 1;
            continue;
        case ByteClass::Quote:
            m_inString = true;
            m_stringBytes = 0;
            break;
        case ByteClass::Comma:
            if (++m_values > m_limits.maxJsonValues)
                throw StreamRefused{};
            break;
        case ByteClass::Open:
            if (++m_values > m_limits.maxJsonValues || ++m_depth > m_limits.maxDepth)
                throw StreamRefused{};
            break;
        case ByteClass::Close:
            --m_depth;
            break;
        case ByteClass::Binary:
            throw StreamRefused{};
        }
        ++i;
    }
}

/// The characters of a ChunkedFile, for nlohmann's parser: an input iterator, read once.
class ChunkIterator
{
public:
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char *;
    using reference = const char &;

    ChunkIterator() = default; ///< the end
    explicit ChunkIterator(ChunkedFile *file) : m_file(file) { advanceChunk(); }

    reference operator*() const { return *m_at; }
    ChunkIterator &operator++()
    {
        if (++m_at == m_end)
            advanceChunk();
        return *this;
    }
    friend bool operator==(const ChunkIterator &a, const ChunkIterator &b)
    {
        return a.m_at == b.m_at;
    }
    friend bool operator!=(const ChunkIterator &a, const ChunkIterator &b) { return !(a == b); }

private:
    void advanceChunk()
    {
        if (!m_file->next(m_at, m_end))
            m_at = m_end = nullptr;
    }

    ChunkedFile *m_file = nullptr;
    const char *m_at = nullptr; ///< nullptr at the end
    const char *m_end = nullptr;
};

} // namespace

ReadResult DiagramReader::read(const QByteArray &bytes, const QString &fileName,
                               const ReadLimits &limits)
{
    ReadResult result;
    auto fail = [&](const QString &where, const QString &what) {
        result.error = where.isEmpty() ? QStringLiteral("%1: %2").arg(fileName, what)
                                       : QStringLiteral("%1: %2: %3").arg(fileName, where, what);
        result.warnings.clear();
        return std::move(result);
    };
    if (bytes.size() > limits.maxFileBytes)
        return fail({}, QStringLiteral("the file is %1, larger than the %2 limit")
                            .arg(megabytes(bytes.size()), megabytes(limits.maxFileBytes)));
    const bool blank = std::all_of(bytes.begin(), bytes.end(), [](char ch) {
        return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\v' || ch == '\f';
    });
    if (blank)
        return fail({}, QStringLiteral("the file is empty"));

    // Any allocation failure while reading is a refusal with a message: the JSON value lives
    // outside the try and is emptied without allocating before anything else is freed.
    Json root;
    std::unique_ptr<Diagram> diagram;
    try {
        scanStructure(bytes, limits);
        diagram = std::make_unique<Diagram>();
        SectionReader sections(limits, result.warnings, *diagram);
        JsonBuilder(root, &sections).parse(bytes);
        sections.finish(root);
        result.diagram = std::move(diagram);
    } catch (const ReadError &e) {
        releaseWithoutAllocating(root);
        diagram.reset();
        return fail(e.where, e.what);
    } catch (const std::bad_alloc &) {
        releaseWithoutAllocating(root);
        result.warnings = QStringList();
        diagram.reset();
        return fail({}, QStringLiteral("not enough memory to read this file"));
    }
    releaseWithoutAllocating(root);
    return result;
}

QString DiagramReader::checkStructure(const QByteArray &bytes, const ReadLimits &limits)
{
    if (bytes.size() > limits.maxFileBytes)
        return QStringLiteral("the file would be %1, larger than the %2 limit")
            .arg(megabytes(bytes.size()), megabytes(limits.maxFileBytes));
    try {
        scanStructure(bytes, limits);
    } catch (const ReadError &e) {
        return e.where + QStringLiteral(": ") + e.what;
    }
    return {};
}

namespace {

std::optional<ReadResult> streamFile(QFile &file, const ReadLimits &limits)
{
    ReadResult result;
    Json root;
    try {
        auto chunks = std::make_unique<ChunkedFile>(file, limits);
        auto diagram = std::make_unique<Diagram>();
        SectionReader sections(limits, result.warnings, *diagram);
        if (!JsonBuilder(root, &sections).parseRange(ChunkIterator(chunks.get()), ChunkIterator()))
            throw StreamRefused{};
        sections.finish(root);
        result.diagram = std::move(diagram);
    } catch (...) { // a refusal, a syntax error, a ReadError, no memory: all worded by read()
        releaseWithoutAllocating(root);
        return std::nullopt;
    }
    releaseWithoutAllocating(root);
    return result;
}

} // namespace

std::optional<ReadResult> DiagramReader::readStreamed(const QString &path, const ReadLimits &limits)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return std::nullopt;
    return streamFile(file, limits);
}

ReadResult DiagramReader::readFile(const QString &path, const ReadLimits &limits)
{
    ReadResult result;
    const QFileInfo info(path);
    if (!info.exists()) {
        result.error = QStringLiteral("%1: no such file").arg(path);
        return result;
    }
    if (info.isDir()) {
        result.error = QStringLiteral("%1: is a folder, not a file").arg(path);
        return result;
    }
    if (info.size() > limits.maxFileBytes) {
        result.error = QStringLiteral("%1: the file is %2, larger than the %3 limit")
                           .arg(path, megabytes(info.size()), megabytes(limits.maxFileBytes));
        return result;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        result.error = QStringLiteral("%1: cannot read: %2").arg(path, file.errorString());
        return result;
    }
    if (std::optional<ReadResult> streamed = streamFile(file, limits))
        return std::move(*streamed);
    // Refused, or given up on: the whole file again, for the refusal's line, column and words.
    if (!file.seek(0)) {
        result.error = QStringLiteral("%1: cannot read: %2").arg(path, file.errorString());
        return result;
    }
    return read(file.readAll(), path, limits);
}

} // namespace mls
