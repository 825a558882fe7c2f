// SPDX-License-Identifier: MIT
#pragma once

#include <QSyntaxHighlighter>

namespace mls {

/// Colours the text form: comments, strings, keywords, arrows, kinds and flows (known ids in
/// colour, unknown ones underlined).
class TextHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit TextHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;
};

} // namespace mls
