// SPDX-License-Identifier: MIT
#include "StartPage.h"

#include "Diagram.h"
#include "Document.h"
#include "canvas/DiagramView.h"

#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace mls {

namespace {

QPushButton *bigButton(const QString &text, const QString &detail, QWidget *parent)
{
    auto *b = new QPushButton(text + QLatin1Char('\n') + detail, parent);
    b->setStyleSheet(QStringLiteral("QPushButton { text-align: left; padding: 8px 14px; }"));
    // The style sheet's padding is not in the size hint: add it, so no line is cut off.
    const QFontMetrics fm(b->font());
    int textWidth = 0;
    for (const QString &line : {text, detail})
        textWidth = qMax(textWidth, fm.horizontalAdvance(line));
    b->setMinimumSize(textWidth + 48, fm.lineSpacing() * 2 + 24);
    return b;
}

} // namespace

StartPage::StartPage(Document *document, DiagramView *view, QWidget *parent)
    : QFrame(parent), m_document(document), m_view(view), m_recent(new QListWidget(this))
{
    setObjectName(QStringLiteral("startPage"));
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    auto *title = new QLabel(tr("mlsketch"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 2);
    big.setBold(true);
    title->setFont(big);
    auto *subtitle =
        new QLabel(tr("Sketch an ML system; the design rules check it as you draw."), this);
    subtitle->setForegroundRole(QPalette::PlaceholderText);

    m_blank = bigButton(tr("New blank diagram"), tr("Start from an empty board"), this);
    m_template =
        bigButton(tr("New from template…"), tr("A reference design to study or adapt"), this);
    m_open = bigButton(tr("Open…"), tr("A .mlsketch file, or a PNG exported by mlsketch"), this);
    connect(m_blank, &QPushButton::clicked, this, &StartPage::dismiss);
    connect(m_template, &QPushButton::clicked, this, &StartPage::templateRequested);
    connect(m_open, &QPushButton::clicked, this, &StartPage::openRequested);

    auto *recentTitle = new QLabel(tr("Recent files"), this);
    QFont bold = recentTitle->font();
    bold.setBold(true);
    recentTitle->setFont(bold);
    m_recent->setObjectName(QStringLiteral("startRecent"));
    m_recent->setMinimumWidth(260);
    m_recent->setMaximumHeight(280);
    connect(m_recent, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        Q_EMIT openFileRequested(item->data(Qt::UserRole).toString());
    });
    fillRecent();

    auto *actions = new QVBoxLayout;
    actions->addWidget(m_blank);
    actions->addWidget(m_template);
    actions->addWidget(m_open);
    actions->addStretch(1);
    auto *recent = new QVBoxLayout;
    recent->addWidget(recentTitle);
    recent->addWidget(m_recent, 1);
    recent->addStretch(0);
    auto *columns = new QHBoxLayout;
    columns->addLayout(actions);
    columns->addSpacing(16);
    columns->addLayout(recent, 1);
    auto *content = new QVBoxLayout;
    content->addWidget(title);
    content->addWidget(subtitle);
    content->addSpacing(20);
    content->addLayout(columns, 1);
    auto *outer = new QHBoxLayout(this);
    outer->setContentsMargins(32, 28, 32, 28);
    outer->addStretch(1);
    outer->addLayout(content, 6);
    outer->addStretch(1);

    // A document arriving (open, template, drop, recovery) replaces the page.
    connect(m_document, &Document::replaced, this, [this] {
        if (!m_document->filePath().isEmpty() || !m_document->diagram()->components().empty())
            dismiss();
    });
    m_view->installEventFilter(this);
    cover();
}

void StartPage::focusFirst()
{
    m_blank->setFocus();
}

void StartPage::fillRecent()
{
    m_recent->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recentFiles")).toStringList();
    for (const QString &path : recent) {
        if (!QFileInfo::exists(path))
            continue;
        auto *item = new QListWidgetItem(
            QStringLiteral("%1\n%2").arg(QFileInfo(path).fileName(),
                                         QDir::toNativeSeparators(QFileInfo(path).path())),
            m_recent);
        item->setData(Qt::UserRole, path);
        item->setToolTip(path);
    }
    if (m_recent->count() == 0) {
        auto *none = new QListWidgetItem(tr("No recent files yet"), m_recent);
        none->setFlags(Qt::NoItemFlags);
    }
}

void StartPage::cover()
{
    setGeometry(m_view->geometry());
}

void StartPage::dismiss()
{
    hide();
    deleteLater();
    m_view->setFocus();
}

bool StartPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && (event->type() == QEvent::Resize || event->type() == QEvent::Move))
        cover();
    return QFrame::eventFilter(watched, event);
}

} // namespace mls
