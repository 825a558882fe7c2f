// SPDX-License-Identifier: MIT
#include "TextParser.h"

#include "TextStatements.h"

#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

namespace mls {

bool TextParseResult::ok() const
{
    for (const TextIssue &i : issues) {
        if (i.error)
            return false;
    }
    return true;
}

QString TextParseResult::firstError() const
{
    for (const TextIssue &i : issues) {
        if (i.error)
            return QStringLiteral("line %1: %2").arg(i.line).arg(i.message);
    }
    return {};
}

TextParseResult TextParser::parse(const QString &text, const ReadLimits &limits)
{
    TextParseResult result;
    result.diagram = std::make_unique<Diagram>();
    TextStatements parser(limits, result);
    int number = 0;
    qsizetype start = 0;
    while (start <= text.size()) {
        qsizetype end = text.indexOf(QLatin1Char('\n'), start);
        if (end < 0)
            end = text.size();
        ++number;
        parser.line(number, text.mid(start, end - start));
        start = end + 1;
    }
    parser.finish();
    return result;
}

bool TextParser::decode(const QByteArray &bytes, const ReadLimits &limits, QString *text,
                        QString *error)
{
    if (bytes.size() > limits.maxFileBytes) {
        *error =
            QStringLiteral("larger than the %1 MB limit").arg(limits.maxFileBytes / (1024 * 1024));
        return false;
    }
    const qsizetype nul = bytes.indexOf('\0');
    if (nul >= 0) {
        *error = QStringLiteral("binary data (a NUL byte at offset %1), not text").arg(nul);
        return false;
    }
    QStringDecoder decoder(QStringDecoder::Utf8);
    *text = decoder.decode(bytes);
    if (decoder.hasError()) {
        *error = QStringLiteral("not UTF-8 text");
        return false;
    }
    if (text->startsWith(QChar(0xFEFF)))
        text->remove(0, 1);
    return true;
}

ReadResult TextParser::read(const QByteArray &bytes, const QString &fileName,
                            const ReadLimits &limits)
{
    ReadResult r;
    QString text;
    QString error;
    if (!decode(bytes, limits, &text, &error)) {
        r.error = fileName + QStringLiteral(": ") + error;
        return r;
    }
    TextParseResult parsed = parse(text, limits);
    if (!parsed.ok()) {
        r.error = fileName + QStringLiteral(": ") + parsed.firstError();
        return r;
    }
    for (const TextIssue &i : parsed.issues)
        r.warnings << QStringLiteral("line %1: %2").arg(i.line).arg(i.message);
    r.diagram = std::move(parsed.diagram);
    return r;
}

ReadResult TextParser::readFile(const QString &path, const ReadLimits &limits)
{
    ReadResult r;
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    if (QFileInfo(path).size() > limits.maxFileBytes) {
        r.error = QStringLiteral("%1: larger than the %2 MB limit")
                      .arg(name)
                      .arg(limits.maxFileBytes / (1024 * 1024));
        return r;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        r.error = QStringLiteral("%1: cannot open: %2").arg(name, file.errorString());
        return r;
    }
    return read(file.readAll(), name, limits);
}

} // namespace mls
