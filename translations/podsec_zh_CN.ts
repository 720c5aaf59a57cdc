<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PodSec::Ui::BadgeProxyModel</name>
    <message>
        <source>Pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Warn</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>不通过</translation>
    </message>
    <message>
        <source>Not applied</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Exempt</source>
        <translation>豁免</translation>
    </message>
    <message>
        <source>Enforce only rejects Pods; workload templates are not rejected</source>
        <translation>强制模式只拒绝 Pod；工作负载模板不会被拒绝</translation>
    </message>
    <message>
        <source>Not evaluated: the request would be rejected, so no warning is sent</source>
        <translation>未评估：请求会被拒绝，因此不会发送警告</translation>
    </message>
    <message>
        <source>An exemption of the admission configuration applies</source>
        <translation>适用准入配置中的豁免规则</translation>
    </message>
</context>
<context>
    <name>PodSec::Ui::DetailsPane</name>
    <message>
        <source>Baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <source>Restricted</source>
        <translation>受限</translation>
    </message>
    <message>
        <source>Enforce</source>
        <translation>强制</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <source>Warn</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>What the API server would say</source>
        <translation>API 服务器会如何响应</translation>
    </message>
    <message>
        <source>Exempt (%1): no mode applies.</source>
        <translation>豁免（%1）：不应用任何模式。</translation>
    </message>
    <message>
        <source>not applied (enforce only rejects Pods)</source>
        <translation>不适用（强制模式只拒绝 Pod）</translation>
    </message>
    <message>
        <source>not sent (the request is rejected)</source>
        <translation>不发送（请求已被拒绝）</translation>
    </message>
    <message>
        <source>passes</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Namespace labels: %1</source>
        <translation>Namespace 标签：%1</translation>
    </message>
    <message>
        <source>Select a namespace, workload or field to see why it passes or fails.</source>
        <translation>选择命名空间、工作负载或字段，查看其通过或不通过的原因。</translation>
    </message>
    <message>
        <source>Namespace %1</source>
        <translation>Namespace %1</translation>
    </message>
    <message>
        <source>No Namespace object in the workspace: defaults apply.</source>
        <translation>工作区中没有 Namespace 对象：使用默认值。</translation>
    </message>
    <message>
        <source>(labelled)</source>
        <translation>（已设标签）</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>（默认）</translation>
    </message>
    <message>
        <source>Invalid label: %1</source>
        <translation>无效标签：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n workload(s).</source>
        <translation>
            <numerusform>%n 个工作负载。</numerusform>
        </translation>
    </message>
    <message>
        <source>Value: %1</source>
        <translation>值：%1</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Namespace %1 · %2 line %3</source>
        <translation>Namespace %1 · %2 第 %3 行</translation>
    </message>
    <message>
        <source>Why it fails</source>
        <translation>不通过的原因</translation>
    </message>
    <message>
        <source>Passes baseline and restricted at %1.</source>
        <translation>在 %1 版本下通过 baseline 和 restricted。</translation>
    </message>
</context>
<context>
    <name>PodSec::Ui::MainWindow</name>
    <message>
        <source>PodSec Explorer</source>
        <translation>PodSec Explorer</translation>
    </message>
    <message>
        <source>Namespaces and workloads</source>
        <translation>命名空间和工作负载</translation>
    </message>
    <message>
        <source>Open a manifest file or folder (File → Open) to see its YAML here.</source>
        <translation>打开清单文件或文件夹（文件 → 打开），即可在此查看其 YAML。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>Version </source>
        <translation>版本 </translation>
    </message>
    <message>
        <source>Policy version</source>
        <translation>策略版本</translation>
    </message>
    <message>
        <source>latest</source>
        <translation>最新</translation>
    </message>
    <message>
        <source>Namespaces </source>
        <translation>命名空间 </translation>
    </message>
    <message>
        <source>Namespace policy</source>
        <translation>命名空间策略</translation>
    </message>
    <message>
        <source>as labelled</source>
        <translation>按标签</translation>
    </message>
    <message>
        <source>all privileged</source>
        <translation>全部 privileged</translation>
    </message>
    <message>
        <source>all baseline</source>
        <translation>全部 baseline</translation>
    </message>
    <message>
        <source>all restricted</source>
        <translation>全部 restricted</translation>
    </message>
    <message>
        <source>Filter names, paths, reasons…</source>
        <translation>筛选名称、路径、原因…</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Only failing</source>
        <translation>仅显示不通过</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open File…</source>
        <translation>打开文件(&amp;O)…</translation>
    </message>
    <message>
        <source>Open manifests</source>
        <translation>打开清单</translation>
    </message>
    <message>
        <source>Kubernetes manifests (*.yaml *.yml *.json);;All files (*)</source>
        <translation>Kubernetes 清单 (*.yaml *.yml *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>打开文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>Open a folder of manifests</source>
        <translation>打开清单文件夹</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>重新加载(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Reset Zoom</source>
        <translation>重置缩放(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Dark Palette</source>
        <translation>深色配色(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Expand All</source>
        <translation>全部展开(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Collapse All</source>
        <translation>全部折叠(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Filter</source>
        <translation>筛选(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About PodSec Explorer</source>
        <translation>关于 PodSec Explorer(&amp;A)</translation>
    </message>
    <message>
        <source>About PodSec Explorer</source>
        <translation>关于 PodSec Explorer</translation>
    </message>
    <message>
        <source>&lt;h3&gt;PodSec Explorer %1&lt;/h3&gt;&lt;p&gt;Evaluates Kubernetes workloads against the Pod Security Standards exactly as kube-apiserver&apos;s Pod Security Admission does, for every policy version up to v1.%2.&lt;/p&gt;&lt;p&gt;Syntax colouring: %3.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;PodSec Explorer %1&lt;/h3&gt;&lt;p&gt;完全按照 kube-apiserver 的 Pod 安全性准入（Pod Security Admission）的方式，依据 Pod 安全性标准评估 Kubernetes 工作负载，支持 v1.%2 及之前的所有策略版本。&lt;/p&gt;&lt;p&gt;语法着色：%3。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>PodSec Explorer — %1</source>
        <translation>PodSec Explorer — %1</translation>
    </message>
    <message numerus="yes">
        <source>%n paths</source>
        <translation>
            <numerusform>%n 个路径</numerusform>
        </translation>
    </message>
    <message>
        <source>No workspace open</source>
        <translation>未打开工作区</translation>
    </message>
    <message numerus="yes">
        <source>%n namespace(s)</source>
        <translation>
            <numerusform>%n 个命名空间</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n workload(s)</source>
        <translation>
            <numerusform>%n 个工作负载</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 fail baseline, %2 fail restricted at %3</source>
        <translation>%1 个不通过 baseline，%2 个不通过 restricted（%3）</translation>
    </message>
    <message numerus="yes">
        <source>%n pod(s) rejected by enforce</source>
        <translation>
            <numerusform>%n 个 Pod 被强制模式拒绝</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file problem(s)</source>
        <translation>
            <numerusform>%n 个文件问题</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unsaved file(s)</source>
        <translation>
            <numerusform>%n 个未保存的文件</numerusform>
        </translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation>保存失败</translation>
    </message>
    <message>
        <source>Could not save %1: %2
The file on disk is unchanged.</source>
        <translation>无法保存 %1：%2
磁盘上的文件未被修改。</translation>
    </message>
    <message>
        <source>Unsaved edits</source>
        <translation>未保存的编辑</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) have unsaved edits. Save them first?</source>
        <translation>
            <numerusform>%n 个文件有未保存的编辑。是否先保存？</numerusform>
        </translation>
    </message>
    <message>
        <source>File changed on disk</source>
        <translation>磁盘上的文件已更改</translation>
    </message>
    <message>
        <source>%1 changed on disk, and you have unsaved edits in it. Reload and lose your edits?</source>
        <translation>%1 已在磁盘上被更改，而其中有您未保存的编辑。是否重新加载并丢弃这些编辑？</translation>
    </message>
    <message>
        <source>Load &amp;Admission Configuration…</source>
        <translation>加载准入配置(&amp;A)…</translation>
    </message>
    <message>
        <source>Load a PodSecurityConfiguration or AdmissionConfiguration</source>
        <translation>加载 PodSecurityConfiguration 或 AdmissionConfiguration</translation>
    </message>
    <message>
        <source>YAML files (*.yaml *.yml);;All files (*)</source>
        <translation>YAML 文件 (*.yaml *.yml);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Default &amp;Namespace…</source>
        <translation>默认命名空间(&amp;N)…</translation>
    </message>
    <message>
        <source>Default namespace</source>
        <translation>默认命名空间</translation>
    </message>
    <message>
        <source>Objects that name no namespace are placed in:</source>
        <translation>未指定命名空间的对象归入：</translation>
    </message>
    <message>
        <source>Admission configuration</source>
        <translation>准入配置</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>The configuration was not loaded:
%1</source>
        <translation>未加载该配置：
%1</translation>
    </message>
    <message>
        <source>Admission configuration loaded: %1</source>
        <translation>已加载准入配置：%1</translation>
    </message>
    <message>
        <source>large file (%1 MB): showing lines %2–%3, read-only</source>
        <translation>大文件（%1 MB）：显示第 %2–%3 行，只读</translation>
    </message>
</context>
<context>
    <name>PodSec::Ui::WorkloadTreeModel</name>
    <message>
        <source>init container</source>
        <translation>Init 容器</translation>
    </message>
    <message>
        <source>ephemeral container</source>
        <translation>临时容器</translation>
    </message>
    <message>
        <source>container</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>（未命名）</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（未设置）</translation>
    </message>
    <message>
        <source>all modes=%1</source>
        <translation>全部模式=%1</translation>
    </message>
    <message>
        <source>unlabelled</source>
        <translation>无标签</translation>
    </message>
    <message>
        <source>invalid labels</source>
        <translation>标签无效</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <source>Restricted</source>
        <translation>受限</translation>
    </message>
    <message>
        <source>Enforce</source>
        <translation>强制</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <source>Warn</source>
        <translation>警告</translation>
    </message>
</context>
<context>
    <name>PodSec::Ui::Workspace</name>
    <message>
        <source>%1: no such file or folder</source>
        <translation>%1：文件或文件夹不存在</translation>
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1：无法读取：%2</translation>
    </message>
</context>
</TS>
