// SPDX-License-Identifier: MIT
#include "DiagramReader.h"

#include "JsonBuilder.h"
#include "ReadError.h"
#include "SectionReader.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cstring>

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

/// The end of the string whose opening quote is at @p start: the index of its closing quote,
/// or @p n when the text ends inside it. Eight bytes at a time while none is a quote or a
/// backslash.
qint64 stringEnd(const char *data, qint64 start, qint64 n)
{
    qint64 i = start + 1;
    while (i < n) {
        if (i + 8 <= n) {
            const quint64 v = eightBytes(data + i);
            if (!hasByte(v, '"') && !hasByte(v, '\\')) {
                i += 8;
                continue;
            }
        }
        const char ch = data[i];
        if (ch == '"')
            return i;
        i += ch == '\\' ? 2 : 1;
    }
    return n;
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
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = QStringLiteral("%1: cannot read: %2").arg(path, file.errorString());
        return result;
    }
    return read(file.readAll(), path, limits);
}

} // namespace mls
