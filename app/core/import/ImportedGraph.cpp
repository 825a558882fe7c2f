// SPDX-License-Identifier: MIT
#include "ImportedGraph.h"

#include <QRegularExpression>

namespace mls {

namespace {

QString decodeEntities(const QString &text)
{
    static const QRegularExpression entity(QStringLiteral("([&#])(#?[A-Za-z0-9]+);"));
    QString out;
    qsizetype last = 0;
    auto it = entity.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        QString name = m.captured(2);
        QString value;
        if (name.startsWith(QLatin1Char('#')))
            name.remove(0, 1);
        bool ok = false;
        const uint code = name.startsWith(QLatin1Char('x'), Qt::CaseInsensitive)
                              ? name.mid(1).toUInt(&ok, 16)
                              : name.toUInt(&ok, 10);
        if (ok && code > 0 && code < 0x110000)
            value = QString::fromUcs4(reinterpret_cast<const char32_t *>(&code), 1);
        else if (name == QLatin1String("amp"))
            value = QStringLiteral("&");
        else if (name == QLatin1String("lt"))
            value = QStringLiteral("<");
        else if (name == QLatin1String("gt"))
            value = QStringLiteral(">");
        else if (name == QLatin1String("quot"))
            value = QStringLiteral("\"");
        else if (name == QLatin1String("apos"))
            value = QStringLiteral("'");
        else if (name == QLatin1String("nbsp"))
            value = QStringLiteral(" ");
        else
            continue; // not an entity we know: keep the text as written
        out += text.mid(last, m.capturedStart() - last) + value;
        last = m.capturedEnd();
    }
    return out + text.mid(last);
}

} // namespace

QString plainLabel(const QString &html)
{
    static const QRegularExpression br(QStringLiteral("<\\s*br\\s*/?\\s*>"),
                                       QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression tag(QStringLiteral("</?[A-Za-z][^<>]*>"));
    static const QRegularExpression icon(QStringLiteral("\\bfa[bsr]?:fa-[A-Za-z0-9-]+"));
    QString s = html;
    s.replace(br, QStringLiteral("\n"));
    s.replace(tag, QString());
    s.replace(icon, QString());
    s = decodeEntities(s);
    s.replace(QLatin1String("\\n"), QLatin1String("\n"));
    QStringList lines;
    for (const QString &line : s.split(QLatin1Char('\n'))) {
        const QString t = line.simplified();
        if (!t.isEmpty())
            lines << t;
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace mls
