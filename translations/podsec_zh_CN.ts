<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PodSec::Fix</name>
    <message>
        <source>Set privileged to false in %1</source>
        <translation>将 %1 中的 privileged 设为 false</translation>
    </message>
    <message>
        <source>Set windowsOptions.hostProcess to false in %1</source>
        <translation>将 %1 中的 windowsOptions.hostProcess 设为 false</translation>
    </message>
    <message>
        <source>Set procMount to Default in %1</source>
        <translation>将 %1 中的 procMount 设为 Default</translation>
    </message>
    <message>
        <source>Remove runAsUser: 0 from %1 (the pod&apos;s or the image&apos;s user applies; runAsNonRoot keeps it from being root)</source>
        <translation>从 %1 中删除 runAsUser: 0（改用 Pod 或镜像指定的用户；runAsNonRoot 可确保其不是 root）</translation>
    </message>
    <message>
        <source>Remove hostPort %2 from %1</source>
        <translation>从 %1 中删除 hostPort %2</translation>
    </message>
    <message>
        <source>Remove seLinuxOptions.%3 %2 from %1</source>
        <translation>从 %1 中删除 seLinuxOptions.%3 %2</translation>
    </message>
    <message>
        <source>container &quot;%1&quot;</source>
        <translation>容器 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the pod</source>
        <translation>Pod</translation>
    </message>
    <message>
        <source>Set %1 to false</source>
        <translation>将 %1 设为 false</translation>
    </message>
    <message>
        <source>Remove host %2 from %3 in %1</source>
        <translation>删除 %1 中 %3 的 host %2</translation>
    </message>
    <message>
        <source>This pod selects Windows nodes; see the decision about spec.os.name</source>
        <translation>此 Pod 选择了 Windows 节点；请参阅关于 spec.os.name 的决策</translation>
    </message>
    <message>
        <source>Set spec.os.name to windows (the policy then exempts the Linux-only checks)</source>
        <translation>将 spec.os.name 设为 windows（之后策略会豁免仅适用于 Linux 的检查）</translation>
    </message>
    <message>
        <source>This pod selects Windows nodes (nodeSelector kubernetes.io/os: windows). Linux-only settings such as seccomp, capabilities and allowPrivilegeEscalation do not apply to Windows containers</source>
        <translation>此 Pod 选择了 Windows 节点（nodeSelector kubernetes.io/os: windows）。seccomp、capabilities 和 allowPrivilegeEscalation 等仅适用于 Linux 的设置对 Windows 容器不起作用</translation>
    </message>
    <message>
        <source>Set allowPrivilegeEscalation to false in %1</source>
        <translation>将 %1 中的 allowPrivilegeEscalation 设为 false</translation>
    </message>
    <message>
        <source>Drop ALL capabilities in %1</source>
        <translation>在 %1 中丢弃全部 capabilities（ALL）</translation>
    </message>
    <message>
        <source>Remove %1 from capabilities.add in %2</source>
        <translation>从 %2 的 capabilities.add 中删除 %1</translation>
    </message>
    <message>
        <source>%1 adds %2; the program may need it. Removing it may break the program, keeping it keeps the workload from passing</source>
        <translation>%1 添加了 %2，程序可能需要它。删除它可能导致程序无法正常运行，保留它则工作负载无法通过</translation>
    </message>
    <message>
        <source>A Windows container runs as non-root only with a non-administrator user (windowsOptions.runAsUserName, for example ContainerUser) that its image supports</source>
        <translation>Windows 容器只有使用其镜像支持的非管理员用户（windowsOptions.runAsUserName，例如 ContainerUser）时，才会以非 root 身份运行</translation>
    </message>
    <message>
        <source>Set runAsNonRoot to true in %1</source>
        <translation>将 %1 中的 runAsNonRoot 设为 true</translation>
    </message>
    <message>
        <source>Set runAsNonRoot to true for the pod</source>
        <translation>将 Pod 的 runAsNonRoot 设为 true</translation>
    </message>
    <message>
        <source>Use the RuntimeDefault seccomp profile in %1</source>
        <translation>在 %1 中使用 RuntimeDefault seccomp 配置文件</translation>
    </message>
    <message>
        <source>Set the pod&apos;s seccomp annotation to runtime/default</source>
        <translation>将 Pod 的 seccomp 注解设为 runtime/default</translation>
    </message>
    <message>
        <source>Use the RuntimeDefault seccomp profile for the pod</source>
        <translation>为 Pod 使用 RuntimeDefault seccomp 配置文件</translation>
    </message>
    <message>
        <source>Remove forbidden sysctls %1</source>
        <translation>删除禁止使用的 sysctls %1</translation>
    </message>
    <message>
        <source>Set annotation %1 to runtime/default</source>
        <translation>将注解 %1 设为 runtime/default</translation>
    </message>
    <message>
        <source>Use the RuntimeDefault AppArmor profile in %1</source>
        <translation>在 %1 中使用 RuntimeDefault AppArmor 配置文件</translation>
    </message>
    <message>
        <source>Replace the %1 source of volume &quot;%2&quot; with an emptyDir (its data then lives only as long as the pod)</source>
        <translation>将卷 &quot;%2&quot; 的 %1 来源替换为 emptyDir（此后其数据仅在 Pod 存续期间保留）</translation>
    </message>
    <message>
        <source>Volume &quot;%1&quot; uses %2, which the policy does not allow. What replaces it (an emptyDir, a persistentVolumeClaim, a configMap or secret) depends on what the program keeps there</source>
        <translation>卷 &quot;%1&quot; 使用了策略不允许的 %2。用什么替代它（emptyDir、persistentVolumeClaim、configMap 或 secret）取决于程序在其中存放的内容</translation>
    </message>
    <message>
        <source>&quot;%1&quot; would change a value that a YAML anchor (line %2) shares with another object; change it there by hand</source>
        <translation>&quot;%1&quot; 会修改一个通过 YAML 锚点（第 %2 行）与其他对象共享的值；请在该处手动修改</translation>
    </message>
    <message>
        <source>If the image runs as root (no USER, or USER 0), the kubelet refuses to start the container: it may not start.</source>
        <translation>如果镜像以 root 身份运行（没有 USER，或 USER 0），kubelet 会拒绝启动该容器：它可能无法启动。</translation>
    </message>
    <message>
        <source>The image&apos;s own user applies; if that is root, runAsNonRoot keeps the container from starting: it may not start.</source>
        <translation>此后使用镜像自身的用户；如果该用户是 root，runAsNonRoot 会阻止容器启动：它可能无法启动。</translation>
    </message>
    <message>
        <source>A program that needs a Linux capability (a port below 1024, chown, setuid) may not start, or may fail later.</source>
        <translation>需要 Linux capability（1024 以下的端口、chown、setuid）的程序可能无法启动，或在之后运行失败。</translation>
    </message>
    <message>
        <source>setuid programs (sudo, su) can no longer gain privileges and may fail.</source>
        <translation>setuid 程序（sudo、su）将无法再获得特权，可能运行失败。</translation>
    </message>
    <message>
        <source>A program that needs the host (devices, its processes or network), such as a node agent, may not start or may stop working.</source>
        <translation>需要访问主机（设备、主机进程或网络）的程序，例如节点代理，可能无法启动或停止工作。</translation>
    </message>
    <message>
        <source>a program in the pod that calls the Kubernetes API loses its token unless the pod mounts one itself</source>
        <translation>Pod 中调用 Kubernetes API 的程序将失去令牌，除非 Pod 自行挂载一个</translation>
    </message>
    <message>
        <source>Set automountServiceAccountToken to false for the pod</source>
        <translation>为该 Pod 将 automountServiceAccountToken 设为 false</translation>
    </message>
    <message numerus="yes">
        <source>Set automountServiceAccountToken to false on service account &quot;%1&quot; (used by %n workload(s))</source>
        <translation>
            <numerusform>在服务账号“%1”上将 automountServiceAccountToken 设为 false（%n 个工作负载使用它）</numerusform>
        </translation>
    </message>
    <message>
        <source>Add %1 to service account &quot;%2&quot;&apos;s secrets</source>
        <translation>将 %1 加入服务账号“%2”的 secrets</translation>
    </message>
    <message>
        <source>every pod of this service account may then mount these secrets</source>
        <translation>此后使用该服务账号的每个 Pod 都可以挂载这些 Secret</translation>
    </message>
    <message>
        <source>Set limits.memory of container &quot;%1&quot; to %2</source>
        <translation>将容器“%1”的 limits.memory 设为 %2</translation>
    </message>
    <message>
        <source>the container is stopped when it uses more memory than that</source>
        <translation>容器使用的内存超过该值时会被终止</translation>
    </message>
    <message>
        <source>Lower limits.memory of container &quot;%1&quot; to %2</source>
        <translation>将容器“%1”的 limits.memory 降为 %2</translation>
    </message>
    <message>
        <source>Raise requests.memory of container &quot;%1&quot; to %2</source>
        <translation>将容器“%1”的 requests.memory 提高到 %2</translation>
    </message>
    <message>
        <source>each pod reserves that much memory on its node, so fewer pods fit</source>
        <translation>每个 Pod 都会在节点上预留这么多内存，节点能容纳的 Pod 会变少</translation>
    </message>
    <message>
        <source>Mount host path volume &quot;%1&quot; read-only in container &quot;%2&quot;</source>
        <translation>在容器“%2”中以只读方式挂载 hostPath 卷“%1”</translation>
    </message>
    <message>
        <source>the container can no longer write there</source>
        <translation>容器将无法再向该处写入</translation>
    </message>
    <message>
        <source>a program that needs administrator rights inside the container fails</source>
        <translation>需要在容器内拥有管理员权限的程序会失败</translation>
    </message>
    <message>
        <source>Set runAsUserName to ContainerUser in container &quot;%1&quot;</source>
        <translation>在容器“%1”中将 runAsUserName 设为 ContainerUser</translation>
    </message>
    <message>
        <source>Set runAsUserName to ContainerUser for the pod</source>
        <translation>为该 Pod 将 runAsUserName 设为 ContainerUser</translation>
    </message>
    <message>
        <source>the API server refuses this label: %1</source>
        <translation>API 服务器会拒绝此标签：%1</translation>
    </message>
    <message>
        <source>new pods that fail %1 are rejected; the API server warns: %2</source>
        <translation>不满足 %1 的新 Pod 会被拒绝；API 服务器的警告：%2</translation>
    </message>
    <message>
        <source>Label namespace &quot;%1&quot; to enforce %2</source>
        <translation>为名字空间“%1”加标签以强制执行 %2</translation>
    </message>
    <message>
        <source>it cuts every connection of the namespace&apos;s pods that no other NetworkPolicy allows: traffic the workloads need (DNS lookups included) must be allowed by policies of its own</source>
        <translation>它会切断该名字空间中 Pod 的所有未被其他 NetworkPolicy 允许的连接：工作负载需要的流量（包括 DNS 查询）必须由单独的策略放行</translation>
    </message>
    <message>
        <source>(new file %1)</source>
        <translation>（新文件 %1）</translation>
    </message>
    <message>
        <source>two choices would create this file</source>
        <translation>有两个选择都会创建此文件</translation>
    </message>
    <message>
        <source>two choices change the same lines</source>
        <translation>有两个选择修改了相同的行</translation>
    </message>
    <message>
        <source>Set limits.memory of container &quot;%1&quot; to a value you enter</source>
        <translation>将容器“%1”的 limits.memory 设为你输入的值</translation>
    </message>
    <message>
        <source>Memory limit of container &quot;%1&quot; (for example 256Mi or 1Gi):</source>
        <translation>容器“%1”的内存上限（例如 256Mi 或 1Gi）：</translation>
    </message>
    <message>
        <source>%1 is not a memory quantity (for example 256Mi)</source>
        <translation>%1 不是内存数量（例如 256Mi）</translation>
    </message>
    <message>
        <source>; the Namespace object is not in a file to edit: label the namespace with a command</source>
        <translation>；Namespace 对象不在可编辑的文件中：请用命令为名字空间加标签</translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> 等另外 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>the Pods of %1 would be rejected from then on</source>
        <translation>此后 %1 的 Pod 都会被拒绝</translation>
    </message>
    <message>
        <source>this lowers the namespace&apos;s enforcement from %1 to %2</source>
        <translation>这会把该名字空间的强制级别从 %1 降到 %2</translation>
    </message>
    <message>
        <source>Add NetworkPolicy &quot;%2&quot; to namespace &quot;%1&quot;, denying ingress and egress</source>
        <translation>向名字空间“%1”添加 NetworkPolicy “%2”，拒绝入站和出站流量</translation>
    </message>
    <message>
        <source>Add NetworkPolicy &quot;%2&quot; to namespace &quot;%1&quot;, denying ingress only</source>
        <translation>向名字空间“%1”添加 NetworkPolicy “%2”，仅拒绝入站流量</translation>
    </message>
</context>
<context>
    <name>PodSec::Report</name>
    <message>
        <source>Readiness per namespace</source>
        <translation>各命名空间的就绪情况</translation>
    </message>
    <message>
        <source>Workloads per namespace by the strictest level they meet</source>
        <translation>各命名空间的工作负载，按其满足的最严格级别划分</translation>
    </message>
    <message>
        <source>meet restricted</source>
        <translation>满足 restricted</translation>
    </message>
    <message>
        <source>meet baseline only</source>
        <translation>仅满足 baseline</translation>
    </message>
    <message>
        <source>need privileged</source>
        <translation>需要 privileged</translation>
    </message>
    <message>
        <source>Checks that fail most at %1</source>
        <translation>在 %1 下失败最多的检查</translation>
    </message>
    <message>
        <source>No check fails.</source>
        <translation>没有失败的检查。</translation>
    </message>
    <message>
        <source>Workloads failing each check</source>
        <translation>每项检查失败的工作负载数</translation>
    </message>
    <message>
        <source>Rejected by enforce</source>
        <translation>被 enforce 拒绝</translation>
    </message>
    <message>
        <source>No namespace&apos;s enforce mode rejects a workload here.</source>
        <translation>这里没有任何命名空间的 enforce 模式拒绝工作负载。</translation>
    </message>
    <message>
        <source>Pods rejected, and controllers whose Pods would be</source>
        <translation>被拒绝的 Pod，以及其 Pod 会被拒绝的控制器</translation>
    </message>
    <message>
        <source>Pods rejected</source>
        <translation>被拒绝的 Pod</translation>
    </message>
    <message>
        <source>controllers whose Pods would be rejected</source>
        <translation>其 Pod 会被拒绝的控制器</translation>
    </message>
    <message>
        <source>%1 workload(s), %2 Pod(s); enforce rejects %3 Pod(s) and the Pods of %4 controller(s); warn: %5, audit: %6; %7 fail %8.</source>
        <translation>%1 个工作负载，%2 个 Pod；enforce 拒绝 %3 个 Pod 以及 %4 个控制器的 Pod；warn：%5，audit：%6；%7 个未通过 %8。</translation>
    </message>
    <message>
        <source>Every workload passes %1.</source>
        <translation>所有工作负载均通过 %1。</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>工作负载</translation>
    </message>
    <message>
        <source>What fails</source>
        <translation>失败项</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>… and %1 more (the CSV report lists every one).</source>
        <translation>……另有 %1 个（CSV 报告列出全部）。</translation>
    </message>
    <message>
        <source>Pod Security report</source>
        <translation>Pod 安全报告</translation>
    </message>
    <message>
        <source>namespaces</source>
        <translation>命名空间</translation>
    </message>
    <message>
        <source>workloads</source>
        <translation>工作负载</translation>
    </message>
    <message>
        <source>Pods</source>
        <translation>Pod</translation>
    </message>
    <message>
        <source>Pods rejected by enforce</source>
        <translation>被 enforce 拒绝的 Pod</translation>
    </message>
    <message>
        <source>controllers whose Pods enforce rejects</source>
        <translation>其 Pod 被 enforce 拒绝的控制器</translation>
    </message>
    <message>
        <source>workloads failing %1</source>
        <translation>未通过 %1 的工作负载</translation>
    </message>
    <message>
        <source>Namespaces</source>
        <translation>命名空间</translation>
    </message>
    <message>
        <source>How to fix</source>
        <translation>如何修复</translation>
    </message>
    <message>
        <source>podsec fix and the window&apos;s Fix menu write most of these changes; podsec explain CHECK says more about each.</source>
        <translation>podsec fix 和窗口的“修复”菜单可以写入其中大部分更改；podsec explain CHECK 会对每项检查作进一步说明。</translation>
    </message>
    <message>
        <source>%1 workload(s)</source>
        <translation>%1 个工作负载</translation>
    </message>
    <message>
        <source>fails %1</source>
        <translation>未通过 %1</translation>
    </message>
    <message>
        <source>%1 Pod(s), all fail %2</source>
        <translation>%1 个 Pod，全部未通过 %2</translation>
    </message>
    <message>
        <source>%1 of %2 Pod(s) fail %3</source>
        <translation>%2 个 Pod 中有 %1 个未通过 %3</translation>
    </message>
    <message>
        <source>its Pod template fails %1</source>
        <translation>其 Pod 模板未通过 %1</translation>
    </message>
    <message>
        <source>%1 of %2 workload(s) fail %3</source>
        <translation>%2 个工作负载中有 %1 个未通过 %3</translation>
    </message>
    <message>
        <source>%1 namespace(s), %2 workload(s), %3 Pod(s); enforce rejects %4 Pod(s) and the Pods of %5 controller(s); %6 workload(s) fail %7.</source>
        <translation>%1 个命名空间，%2 个工作负载，%3 个 Pod；enforce 拒绝 %4 个 Pod 以及 %5 个控制器的 Pod；%6 个工作负载未通过 %7。</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>命名空间</translation>
    </message>
</context>
<context>
    <name>PodSec::Ui::AccessPanel</name>
    <message>
        <source>Who can…  e.g. create pods -n build, patch namespaces --name web</source>
        <translation>谁可以……  例如 create pods -n build、patch namespaces --name web</translation>
    </message>
    <message>
        <source>VERB RESOURCE[/SUBRESOURCE] [-n NAMESPACE] [--name NAME], as podsec access --who-can asks it; empty: every subject&apos;s risks</source>
        <translation>动词 资源[/子资源] [-n 名字空间] [--name 名称]，与 podsec access --who-can 的问法相同；留空：显示每个主体的风险</translation>
    </message>
    <message>
        <source>Who can</source>
        <translation>谁可以</translation>
    </message>
    <message>
        <source>Subjects and their risks</source>
        <translation>主体及其风险</translation>
    </message>
    <message>
        <source>Select a risk to see what it means.</source>
        <translation>选择一个风险以查看其含义。</translation>
    </message>
    <message>
        <source>Cannot read the query: %1</source>
        <translation>无法理解该查询：%1</translation>
    </message>
    <message>
        <source>No access model: open a workspace with RBAC objects.</source>
        <translation>没有访问模型：请打开包含 RBAC 对象的工作区。</translation>
    </message>
    <message numerus="yes">
        <source>%n subject(s) allowed</source>
        <translation>
            <numerusform>%n 个主体获准</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n subject(s) with risks</source>
        <translation>
            <numerusform>%n 个主体存在风险</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n access problem(s) (see Problems)</source>
        <translation>
            <numerusform>%n 个访问问题（见“问题”面板）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is built into Kubernetes (bootstrap policy): read-only, no file.</source>
        <translation>%1 是 Kubernetes 内置的（引导策略）：只读，没有文件。</translation>
    </message>
</context>
<context>
    <name>PodSec::Ui::AccessTreeModel</name>
    <message>
        <source>User %1</source>
        <translation>用户 %1</translation>
    </message>
    <message>
        <source>Group %1</source>
        <translation>组 %1</translation>
    </message>
    <message>
        <source>Service account %1/%2</source>
        <translation>服务账号 %1/%2</translation>
    </message>
    <message>
        <source>DENY</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>DANGER</source>
        <translation>危险</translation>
    </message>
    <message>
        <source>WARNING</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>INFO</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Rule %1</source>
        <translation>规则 %1</translation>
    </message>
    <message>
        <source>built-in (Kubernetes bootstrap policy, no file)</source>
        <translation>内置（Kubernetes 引导策略，无文件）</translation>
    </message>
    <message>
        <source>cluster object (no file)</source>
        <translation>集群对象（无文件）</translation>
    </message>
    <message>
        <source>allowed</source>
        <translation>允许</translation>
    </message>
    <message numerus="yes">
        <source>%n risk(s)</source>
        <translation>
            <numerusform>%n 个风险</numerusform>
        </translation>
    </message>
    <message>
        <source>cluster</source>
        <translation>集群</translation>
    </message>
    <message>
        <source>Subject allowed → binding → role → rule</source>
        <translation>获准的主体 → 绑定 → 角色 → 规则</translation>
    </message>
    <message>
        <source>Subject → risk → binding → role → rule</source>
        <translation>主体 → 风险 → 绑定 → 角色 → 规则</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Detail / where</source>
        <translation>详情 / 位置</translation>
    </message>
</context>
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
    <message>
        <source>Pods rejected</source>
        <translation>Pod 被拒绝</translation>
    </message>
    <message>
        <source>Enforce does not reject the controller itself, but it rejects every Pod the controller creates: they would never start</source>
        <translation>强制模式不会拒绝控制器本身，但会拒绝它创建的每个 Pod：这些 Pod 永远无法启动</translation>
    </message>
</context>
<context>
    <name>PodSec::Ui::ClusterSession</name>
    <message>
        <source>This build cannot reach clusters.</source>
        <translation>此版本无法连接集群。</translation>
    </message>
</context>
<context>
    <name>PodSec::Ui::CodeEditor</name>
    <message numerus="yes">
        <source>… %Ln more findings on this line</source>
        <translation>
            <numerusform>… 此行还有 %Ln 个问题</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PodSec::Ui::CompareVersionsDialog</name>
    <message>
        <source>Compare Policy Versions</source>
        <translation>比较策略版本</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>从(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>到(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>级别(&amp;L)：</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>起始版本</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>工作负载</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>命名空间</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Double-click a workload to select it in the window.</source>
        <translation>双击工作负载即可在主窗口中选中它。</translation>
    </message>
    <message>
        <source>Comparing %1 with %2…</source>
        <translation>正在比较 %1 与 %2…</translation>
    </message>
    <message>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>allowed</source>
        <translation>允许</translation>
    </message>
    <message>
        <source>denied: %1</source>
        <translation>拒绝：%1</translation>
    </message>
    <message>
        <source>Stricter at %1: %2</source>
        <translation>在 %1 更严格：%2</translation>
    </message>
    <message>
        <source>%1 fails only at %2: %3</source>
        <translation>%1 仅在 %2 不通过：%3</translation>
    </message>
    <message numerus="yes">
        <source>%1 → %2 at %3: %n check(s) differ</source>
        <translation>
            <numerusform>%1 → %2（%3 级别）：%n 项检查不同</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n workload(s) change their verdict</source>
        <translation>
            <numerusform>%n 个工作负载的结论发生变化</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stricter at %1.</source>
        <translation>
            <numerusform>其中 %n 个在 %1 更严格。</numerusform>
        </translation>
    </message>
    <message>
        <source>latest</source>
        <translation>最新</translation>
    </message>
</context>
<context>
    <name>PodSec::Ui::ConnectDialog</name>
    <message>
        <source>Connect to a cluster</source>
        <translation>连接到集群</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Choose a kubeconfig</source>
        <translation>选择 kubeconfig</translation>
    </message>
    <message>
        <source>Kubeconfig:</source>
        <translation>Kubeconfig：</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>集群</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>命名空间</translation>
    </message>
    <message>
        <source>The cluster is only read (list and get); nothing is changed.</source>
        <translation>仅读取集群（list 和 get），不会做任何更改。</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>No contexts found.</source>
        <translation>未找到任何上下文。</translation>
    </message>
    <message>
        <source>A kubeconfig file; type or paste a path and press Enter. Empty: KUBECONFIG, else ~/.kube/config.</source>
        <translation>kubeconfig 文件；输入或粘贴路径后按 Enter。留空：使用 KUBECONFIG，否则使用 ~/.kube/config。</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>凭据</translation>
    </message>
    <message>
        <source>Connect with a dangerous credential?</source>
        <translation>要使用危险的凭据连接吗？</translation>
    </message>
    <message>
        <source>no finding</source>
        <translation>无发现</translation>
    </message>
    <message>
        <source>cluster %1</source>
        <translation>集群 %1</translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>用户 %1</translation>
    </message>
    <message>
        <source>Credentials of %1: no finding.</source>
        <translation>%1 的凭据：无发现。</translation>
    </message>
    <message>
        <source>Credentials of %1 (podsec explain ID tells more):</source>
        <translation>%1 的凭据（podsec explain ID 可查看详细说明）：</translation>
    </message>
    <message>
        <source>The credentials of %1 are rated danger:

%2

Connect anyway?</source>
        <translation>%1 的凭据被评为危险：

%2

仍然连接吗？</translation>
    </message>
</context>
<context>
    <name>PodSec::Ui::ControlsCatalogue</name>
    <message>
        <source>Controls Catalogue</source>
        <translation>控制项目录</translation>
    </message>
    <message>
        <source>Filter by ID, level, version or explanation</source>
        <translation>按 ID、级别、版本或说明筛选</translation>
    </message>
    <message>
        <source>F&amp;ilter:</source>
        <translation>筛选(&amp;I)：</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Behaviour changed in</source>
        <translation>行为变更版本</translation>
    </message>
    <message>
        <source>Failing example</source>
        <translation>不通过的示例</translation>
    </message>
    <message>
        <source>Passing example</source>
        <translation>通过的示例</translation>
    </message>
    <message>
        <source>&amp;Open as Scratch Workspace</source>
        <translation>作为临时工作区打开(&amp;O)</translation>
    </message>
    <message>
        <source>Write the chosen example to a new temporary folder and open it in the window</source>
        <translation>将所选示例写入新的临时文件夹，并在窗口中打开</translation>
    </message>
    <message>
        <source>Could not write the example to a temporary folder: %1</source>
        <translation>无法将示例写入临时文件夹：%1</translation>
    </message>
    <message>
        <source>%1 of %2 checks</source>
        <translation>%1 / %2 项检查</translation>
    </message>
    <message>
        <source>No check matches the filter.</source>
        <translation>没有与筛选条件匹配的检查。</translation>
    </message>
    <message>
        <source>level %1</source>
        <translation>级别 %1</translation>
    </message>
    <message>
        <source>behaviour changed in %1</source>
        <translation>行为变更于 %1</translation>
    </message>
    <message>
        <source>At restricted, replaces %1 from %2.</source>
        <translation>在 restricted 级别下，自 %2 起取代 %1。</translation>
    </message>
    <message>
        <source>No explanation is bundled for this check.</source>
        <translation>此检查没有附带说明。</translation>
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
        <translation>命名空间 %1 · %2 第 %3 行</translation>
    </message>
    <message>
        <source>Why it fails</source>
        <translation>不通过的原因</translation>
    </message>
    <message>
        <source>Passes baseline and restricted at %1.</source>
        <translation>在 %1 版本下通过 baseline 和 restricted。</translation>
    </message>
    <message>
        <source>Fix…</source>
        <translation>修复…</translation>
    </message>
    <message>
        <source>Controlled by %1.</source>
        <translation>由 %1 控制。</translation>
    </message>
    <message>
        <source>Controlled by %1, which was not read.</source>
        <translation>由 %1 控制（未读取到该对象）。</translation>
    </message>
    <message numerus="yes">
        <source>Controls %n object(s) read from the cluster; %1 of them fail restricted or enforce.</source>
        <translation>
            <numerusform>控制从集群读取的 %n 个对象，其中 %1 个未通过 restricted 或 enforce。</numerusform>
        </translation>
    </message>
    <message>
        <source>show more</source>
        <translation>显示更多</translation>
    </message>
    <message numerus="yes">
        <source>… %Ln more …</source>
        <translation>
            <numerusform>… 还有 %Ln 项 …</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… %Ln more characters …</source>
        <translation>
            <numerusform>… 还有 %Ln 个字符 …</numerusform>
        </translation>
    </message>
    <message>
        <source>Who can get around Pod Security here</source>
        <translation>谁能在这里绕过 Pod 安全</translation>
    </message>
    <message>
        <source>Who can create workloads (and so run pods as any service account of the namespace):</source>
        <translation>谁能创建工作负载（从而以该名字空间的任意服务账号运行 Pod）：</translation>
    </message>
    <message>
        <source>Nobody the workspace&apos;s RBAC objects name.</source>
        <translation>工作区的 RBAC 对象中没有任何主体。</translation>
    </message>
    <message>
        <source>Who can relabel the namespace (and so relax its Pod Security levels):</source>
        <translation>谁能修改该名字空间的标签（从而放宽其 Pod 安全级别）：</translation>
    </message>
    <message>
        <source>What its pods&apos; token can do</source>
        <translation>其 Pod 的令牌能做什么</translation>
    </message>
    <message>
        <source>The pods run as service account %1 and do not mount its token.</source>
        <translation>Pod 以服务账号 %1 运行，且不挂载其令牌。</translation>
    </message>
    <message>
        <source>The pods run as service account %1 and mount its token.</source>
        <translation>Pod 以服务账号 %1 运行，并挂载了其令牌。</translation>
    </message>
    <message>
        <source>The workspace grants that account no risky permission.</source>
        <translation>工作区没有授予该账号任何有风险的权限。</translation>
    </message>
    <message>
        <source>Whoever gets into a container holds these permissions: %1.</source>
        <translation>任何进入容器的人都持有这些权限：%1。</translation>
    </message>
    <message>
        <source>%1 line %2</source>
        <translation>%1 第 %2 行</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>怎么做</translation>
    </message>
    <message>
        <source>**Reported only.** There is no fix to apply here; “How to satisfy it” below says what to change.</source>
        <translation>**仅报告。** 这里没有可应用的修复；下方“如何满足”说明了要改什么。</translation>
    </message>
    <message>
        <source>**Needs a decision.** Nothing is changed automatically: pick one of the ways below and edit the manifest.</source>
        <translation>**需要决定。** 不会自动修改任何内容：从下面的做法中选一种，然后编辑清单文件。</translation>
    </message>
    <message>
        <source>Set automountServiceAccountToken: false on the pod spec, or on its ServiceAccount (every pod using the account inherits it).</source>
        <translation>在 Pod 规约中设置 automountServiceAccountToken: false，或在其服务账号上设置（使用该账号的每个 Pod 都会继承）。</translation>
    </message>
    <message>
        <source>Set resources.limits.memory to the request; when the limit is above the request, lower the limit to the request or raise the request to the limit.</source>
        <translation>把 resources.limits.memory 设为请求值；限制高于请求时，把限制降到请求值，或把请求提高到限制值。</translation>
    </message>
    <message>
        <source>Pin each image by digest (image@sha256:…). The digest comes from the registry, so it is not filled in for you.</source>
        <translation>用摘要固定每个镜像（image@sha256:…）。摘要来自镜像仓库，因此不会替你填写。</translation>
    </message>
    <message>
        <source>Mount the Secret as files (a secret volume) instead of environment variables, or accept the risk.</source>
        <translation>以文件方式（secret 卷）挂载 Secret，而不是通过环境变量；或者接受这一风险。</translation>
    </message>
    <message>
        <source>Set readOnly: true on each listed volume mount, unless the workload must write to the host.</source>
        <translation>在列出的每个卷挂载上设置 readOnly: true，除非工作负载必须写入主机。</translation>
    </message>
    <message>
        <source>Set runAsUserName to ContainerUser at the level where it is set.</source>
        <translation>在设置它的那一层把 runAsUserName 改为 ContainerUser。</translation>
    </message>
    <message>
        <source>Add the Secret to the ServiceAccount&apos;s secrets (an edit in the account&apos;s file), or stop using it in the pod.</source>
        <translation>把该 Secret 加入服务账号的 secrets（在账号所在文件中修改），或者不再在 Pod 中使用它。</translation>
    </message>
    <message>
        <source>Label the namespace pod-security.kubernetes.io/enforce=baseline or =restricted; the namespace what-if shows what each would reject.</source>
        <translation>给命名空间加标签 pod-security.kubernetes.io/enforce=baseline 或 =restricted；命名空间假设分析会显示各自会拒绝什么。</translation>
    </message>
    <message>
        <source>Add a NetworkPolicy default-deny to this namespace (ingress and egress, or ingress only). It cuts traffic the workloads may need: allow that traffic with further policies.</source>
        <translation>在此命名空间中添加名为 default-deny 的 NetworkPolicy（入站和出站，或仅入站）。它会切断工作负载可能需要的流量：请用其他策略放行这些流量。</translation>
    </message>
    <message>
        <source>Severity: %1 · Rule set: checklist · Seed chapter: %2</source>
        <translation>严重程度：%1 · 规则集：checklist · 种子文档章节：第 %2 章</translation>
    </message>
    <message>
        <source>On %1 in namespace %2 · %3</source>
        <translation>对象 %1，命名空间 %2 · %3</translation>
    </message>
    <message>
        <source>On %1 · %2</source>
        <translation>对象 %1 · %2</translation>
    </message>
    <message>
        <source>On namespace %1</source>
        <translation>命名空间 %1</translation>
    </message>
    <message>
        <source>What was found</source>
        <translation>发现了什么</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>value not shown</source>
        <translation>值不显示</translation>
    </message>
    <message>
        <source>Checklist findings</source>
        <translation>检查清单发现</translation>
    </message>
    <message>
        <source>Cluster-scoped objects</source>
        <translation>集群范围的对象</translation>
    </message>
    <message>
        <source>Objects without a namespace that carry a checklist finding.</source>
        <translation>不属于任何命名空间、带有检查清单发现的对象。</translation>
    </message>
    <message>
        <source>Checklist findings of the namespace</source>
        <translation>命名空间的检查清单发现</translation>
    </message>
    <message>
        <source>Decide…</source>
        <translation>决定…</translation>
    </message>
    <message>
        <source>**Needs a decision.** Nothing changes until you choose:</source>
        <translation>**需要决定。** 在你做出选择之前不会有任何改动：</translation>
    </message>
    <message>
        <source>opens the fix preview with the choices the tool can write for you, none of them ticked; or edit the manifest as below.</source>
        <translation>会打开修复预览，列出本工具可以替你写入的选择，默认都不勾选；也可以按下文自行编辑清单。</translation>
    </message>
    <message numerus="yes">
        <source>Pods rejected by enforce: %1 of %n Pod(s)</source>
        <translation>
            <numerusform>被强制模式拒绝的 Pod：%n 个中的 %1 个</numerusform>
        </translation>
    </message>
    <message>
        <source>Controllers whose Pods enforce rejects: %1</source>
        <translation>其 Pod 会被强制模式拒绝的控制器：%1</translation>
    </message>
    <message>
        <source>Warned about: %1 · audited: %2</source>
        <translation>收到警告：%1 · 被审计：%2</translation>
    </message>
    <message numerus="yes">
        <source>Failing restricted: %1 of %n workload(s)</source>
        <translation>
            <numerusform>不满足 restricted：%n 个工作负载中的 %1 个</numerusform>
        </translation>
    </message>
    <message>
        <source>Failing most at restricted: %1</source>
        <translation>在 restricted 下不通过最多的控制项：%1</translation>
    </message>
    <message>
        <source>Namespace %1 · read from the cluster</source>
        <translation>命名空间 %1 · 从集群读取</translation>
    </message>
</context>
<context>
    <name>PodSec::Ui::DiskChangeController</name>
    <message>
        <source>Changed on disk, reloaded: %1</source>
        <translation>磁盘上已更改，已重新加载：%1</translation>
    </message>
    <message>
        <source>Deleted on disk: %1. Your unsaved edits are kept; saving writes the file again.</source>
        <translation>已在磁盘上删除：%1。您未保存的编辑已保留；保存时会重新写入该文件。</translation>
    </message>
    <message>
        <source>%1 changed on disk; your edits are kept. Saving overwrites the file on disk.</source>
        <translation>%1 已在磁盘上更改；您的编辑已保留。保存将覆盖磁盘上的文件。</translation>
    </message>
    <message>
        <source>%1 on disk now holds your edits; nothing is unsaved.</source>
        <translation>磁盘上的 %1 现在已包含您的编辑；没有未保存的内容。</translation>
    </message>
    <message>
        <source>%1 reloaded from disk; Undo brings your edits back.</source>
        <translation>已从磁盘重新加载 %1；撤销可找回您的编辑。</translation>
    </message>
    <message>
        <source>File changed on disk</source>
        <translation>磁盘上的文件已更改</translation>
    </message>
    <message>
        <source>%1 was changed on disk by another program, and you have unsaved edits in it.</source>
        <translation>%1 已被其他程序在磁盘上更改，而其中有您未保存的编辑。</translation>
    </message>
    <message>
        <source>Keep your edits (saving then overwrites the file on disk), or take the version on disk (your edits stay one Undo away).</source>
        <translation>保留您的编辑（之后保存会覆盖磁盘上的文件），或采用磁盘上的版本（撤销一次即可找回您的编辑）。</translation>
    </message>
    <message>
        <source>&amp;Keep My Edits</source>
        <translation>保留我的编辑(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Take Version on Disk</source>
        <translation>采用磁盘上的版本(&amp;T)</translation>
    </message>
    <message>
        <source>Show &amp;Differences</source>
        <translation>显示差异(&amp;D)</translation>
    </message>
    <message>
        <source>Your edits and the version on disk</source>
        <translation>您的编辑与磁盘上的版本</translation>
    </message>
    <message>
        <source>Lines marked − are your unsaved edits; lines marked + are on disk.</source>
        <translation>标有 − 的行是您未保存的编辑；标有 + 的行是磁盘上的内容。</translation>
    </message>
    <message>
        <source>No difference.</source>
        <translation>没有差异。</translation>
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1：无法读取：%2</translation>
    </message>
    <message>
        <source>Changed on disk but not read: %1</source>
        <translation>磁盘上已更改但未读取：%1</translation>
    </message>
</context>
<context>
    <name>PodSec::Ui::DocumentSet</name>
    <message>
        <source>it was changed on disk by another program since it was read; not saved. Take the version on disk or keep your edits, then save again.</source>
        <translation>读取后它已在磁盘上被其他程序更改；未保存。请采用磁盘上的版本或保留您的编辑，然后再次保存。</translation>
    </message>
</context>
<context>
    <name>PodSec::Ui::FixController</name>
    <message>
        <source>This workspace is a cluster, which is only read. Fix the manifests it came from.</source>
        <translation>此工作区是集群，仅供读取。请修复其来源清单。</translation>
    </message>
    <message>
        <source>%1 is too large to fix in the window; use podsec fix</source>
        <translation>%1 过大，无法在窗口中修复；请使用 podsec fix</translation>
    </message>
    <message numerus="yes">
        <source>Applied fixes to %n file(s); not saved yet</source>
        <translation>
            <numerusform>已对 %n 个文件应用修复；尚未保存</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a namespace (or something in it) first.</source>
        <translation>请先选择一个命名空间（或其中的某一项）。</translation>
    </message>
    <message>
        <source>%1 is rendered by Helm: fix the chart&apos;s templates or values (podsec fix lists where)</source>
        <translation>%1 由 Helm 渲染：请修改 chart 的模板或 values（podsec fix 会列出位置）</translation>
    </message>
    <message>
        <source>Not written</source>
        <translation>未写入</translation>
    </message>
    <message>
        <source>Wrote %1; rendering %2 again</source>
        <translation>已写入 %1；正在重新渲染 %2</translation>
    </message>
    <message>
        <source>created %1</source>
        <translation>已创建 %1</translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation>已创建 %1</translation>
    </message>
    <message>
        <source>a file of that name appeared meanwhile</source>
        <translation>同名文件在此期间已出现</translation>
    </message>
</context>
<context>
    <name>PodSec::Ui::FixPreviewDialog</name>
    <message>
        <source>Preview fixes</source>
        <translation>预览修复</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <source>Needs a decision: %1: %2</source>
        <translation>需要决策：%1：%2</translation>
    </message>
    <message>
        <source>Nothing to change.</source>
        <translation>无需更改。</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) change. Untick a fix to leave it out; tick a choice to apply it.</source>
        <translation>
            <numerusform>%n 个文件将被更改。取消勾选某项修复即可不应用它；勾选某个选项即可应用它。</numerusform>
        </translation>
    </message>
    <message>
        <source>May break: %1</source>
        <translation>可能造成破坏：%1</translation>
    </message>
    <message>
        <source>Not ticked: %1 cannot reach the level without a decision below, and this change may break it for nothing. %2</source>
        <translation>未勾选：%1 若不先做出下方的决策就无法达到该级别，此更改可能白白破坏它。%2</translation>
    </message>
    <message>
        <source>Or keep it at %1 in a namespace of its own (select to see how)</source>
        <translation>或者：将其保留在 %1 级别，放入单独的命名空间（选中以查看做法）</translation>
    </message>
    <message>
        <source>Or exempt it from Pod Security (select to see how)</source>
        <translation>或者：使其豁免于 Pod Security（选中以查看做法）</translation>
    </message>
    <message>
        <source>Instead of forcing %1 to the level, run it in a namespace of its own that enforces %2 (and warns at restricted), so the other namespaces stay strict:</source>
        <translation>不必强制 %1 达到该级别，可将其运行在一个单独的命名空间中，该命名空间强制 %2（并按 restricted 发出警告），这样其他命名空间仍保持严格：</translation>
    </message>
    <message>
        <source>then set metadata.namespace: %1 in its manifest</source>
        <translation>然后在其清单中设置 metadata.namespace: %1</translation>
    </message>
    <message>
        <source>What the API server answers to the label command once it runs there:</source>
        <translation>它在那里运行后，API 服务器对该标签命令的响应：</translation>
    </message>
    <message>
        <source>Move %1 to a namespace of its own (%2) and list that namespace under exemptions in the API server&apos;s admission configuration (--admission-control-config-file). Everything in an exempt namespace skips Pod Security: keep nothing else there.</source>
        <translation>将 %1 移到单独的命名空间（%2），并在 API 服务器的准入配置（--admission-control-config-file）的 exemptions 中列出该命名空间。豁免命名空间中的所有内容都会跳过 Pod Security：不要在其中放置其他任何内容。</translation>
    </message>
    <message>
        <source>What the API server answers when that namespace is labelled restricted:</source>
        <translation>为该命名空间设置 restricted 标签时 API 服务器的响应：</translation>
    </message>
    <message>
        <source>Security checklist</source>
        <translation>安全检查清单</translation>
    </message>
    <message>
        <source>Needs a decision: %1: %2: %3</source>
        <translation>需要决定：%1：%2：%3</translation>
    </message>
    <message>
        <source>Nothing the tool can write: see the rule&apos;s explanation</source>
        <translation>本工具无法替你写入：请参阅该规则的说明</translation>
    </message>
    <message>
        <source>%1 (in %2)</source>
        <translation>%1（在 %2 中）</translation>
    </message>
    <message>
        <source>These choices cannot go together: %1</source>
        <translation>这些选择不能同时应用：%1</translation>
    </message>
    <message>
        <source>Run a command instead (select to see it)</source>
        <translation>改为运行命令（选中以查看）</translation>
    </message>
    <message>
        <source>— Apply writes this file to the disk</source>
        <translation>—— 点击“应用”会把此文件写入磁盘</translation>
    </message>
    <message>
        <source>Value to write</source>
        <translation>要写入的值</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) change to the text offered. Untick a file to leave it as it is.</source>
        <translation>
            <numerusform>%n 个文件将改为所提供的内容。取消勾选某个文件即可保持其原样。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PodSec::Ui::LessonsPanel</name>
    <message>
        <source>Privileged</source>
        <translation>特权</translation>
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
        <source>No lesson is bundled with this build</source>
        <translation>此版本没有附带课程</translation>
    </message>
    <message>
        <source>Open a lesson folder (it holds goals.yaml, start/ and solution/)</source>
        <translation>打开课程文件夹（其中有 goals.yaml、start/ 和 solution/）</translation>
    </message>
    <message>
        <source>This lesson has problems:</source>
        <translation>此课程有问题：</translation>
    </message>
    <message>
        <source>Next &amp;Hint (%1 of %2)</source>
        <translation>下一条提示(&amp;H)（第 %1 条，共 %2 条）</translation>
    </message>
    <message>
        <source>No More &amp;Hints</source>
        <translation>没有更多提示(&amp;H)</translation>
    </message>
    <message>
        <source>No lesson open</source>
        <translation>未打开课程</translation>
    </message>
    <message>
        <source>Choose a lesson above and press **Start Lesson**, or open a lesson folder. The lesson&apos;s workspace opens as a fresh copy: edit it in the editor and watch the goals below.</source>
        <translation>在上方选择一节课程并点击 **开始课程**，或打开一个课程文件夹。课程的工作区会以全新副本打开：在编辑器中修改它，并留意下方的目标。</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Hints</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Hint %1 of %2</source>
        <translation>提示 %1/%2</translation>
    </message>
    <message>
        <source>Not checked: the workspace shown is not this lesson&apos;s.</source>
        <translation>未检查：当前显示的工作区不是此课程的工作区。</translation>
    </message>
    <message>
        <source>%1 is not in the workspace.</source>
        <translation>工作区中没有 %1。</translation>
    </message>
    <message>
        <source>Several objects are called %1: the goal must name the namespace.</source>
        <translation>有多个对象名为 %1：目标必须写明命名空间。</translation>
    </message>
    <message>
        <source>%1 has no container %2.</source>
        <translation>%1 没有容器 %2。</translation>
    </message>
    <message>
        <source>There is no namespace %1 in the workspace.</source>
        <translation>工作区中没有命名空间 %1。</translation>
    </message>
    <message>
        <source>Failing: %1</source>
        <translation>未通过：%1</translation>
    </message>
    <message>
        <source>It enforces %1 now.</source>
        <translation>它当前强制执行 %1。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Goals&lt;/b&gt; (%1 of %2 met)</source>
        <translation>&lt;b&gt;目标&lt;/b&gt;（已达成 %1/%2）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Goals&lt;/b&gt;</source>
        <translation>&lt;b&gt;目标&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Lesson complete: every goal is met. Well done!</source>
        <translation>课程完成：所有目标均已达成。做得好！</translation>
    </message>
    <message>
        <source>%1 passes %2</source>
        <translation>%1 通过%2级别</translation>
    </message>
    <message>
        <source>Namespace %1 passes the %2 rule</source>
        <translation>命名空间 %1 通过规则 %2</translation>
    </message>
    <message>
        <source>Container %1 of %2 passes the %3 check</source>
        <translation>%2 的容器 %1 通过检查 %3</translation>
    </message>
    <message>
        <source>%1 passes the %2 check</source>
        <translation>%1 通过检查 %2</translation>
    </message>
    <message>
        <source>%1 still has %2</source>
        <translation>%1 仍保留 %2</translation>
    </message>
    <message>
        <source>%1 has no %2</source>
        <translation>%1 不再有 %2</translation>
    </message>
    <message>
        <source>Namespace %1 enforces %2</source>
        <translation>命名空间 %1 强制执行%2级别</translation>
    </message>
    <message>
        <source>%1 is admitted by its namespace</source>
        <translation>%1 被其命名空间准入</translation>
    </message>
    <message>
        <source>%1 is rejected by its namespace</source>
        <translation>%1 被其命名空间拒绝</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>课程列表</translation>
    </message>
    <message>
        <source>&amp;Start Lesson</source>
        <translation>开始课程(&amp;S)</translation>
    </message>
    <message>
        <source>Opens the lesson&apos;s workspace as a fresh copy</source>
        <translation>以全新副本打开课程的工作区</translation>
    </message>
    <message>
        <source>Open Lesson &amp;Folder…</source>
        <translation>打开课程文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>Show &amp;Solution…</source>
        <translation>查看答案(&amp;S)…</translation>
    </message>
    <message>
        <source>Shows the difference to the solution in the fix preview</source>
        <translation>在修复预览中显示与答案的差异</translation>
    </message>
    <message>
        <source>&amp;Reset Lesson…</source>
        <translation>重置课程(&amp;R)…</translation>
    </message>
    <message>
        <source>Goes back to the lesson&apos;s start</source>
        <translation>回到课程的起点</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Nothing in the workspace names %1.</source>
        <translation>工作区中没有任何对象提到 %1。</translation>
    </message>
    <message>
        <source>It warns at %1 now.</source>
        <translation>它当前按 %1 发出警告。</translation>
    </message>
    <message>
        <source>It audits at %1 now.</source>
        <translation>它当前按 %1 审计。</translation>
    </message>
    <message>
        <source>Namespace %1 warns at %2</source>
        <translation>命名空间 %1 按%2级别发出警告</translation>
    </message>
    <message>
        <source>Namespace %1 audits at %2</source>
        <translation>命名空间 %1 按%2级别审计</translation>
    </message>
    <message>
        <source>cluster-wide</source>
        <translation>在整个集群</translation>
    </message>
    <message>
        <source>in namespace %1</source>
        <translation>在命名空间 %1 中</translation>
    </message>
    <message>
        <source>%1 has no %2 risk</source>
        <translation>%1 没有 %2 风险</translation>
    </message>
    <message>
        <source>%1 has no %2 risk %3</source>
        <translation>%1 %3没有 %2 风险</translation>
    </message>
    <message>
        <source>%1 has no %2 risk above %3</source>
        <translation>%1 没有高于%3的 %2 风险</translation>
    </message>
    <message>
        <source>%1 has no %2 risk above %3 %4</source>
        <translation>%1 %4没有高于%3的 %2 风险</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1（%2，%3）</translation>
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
        <source>Save a copy</source>
        <translation>保存副本</translation>
    </message>
    <message>
        <source>Save A&amp;ll</source>
        <translation>全部保存(&amp;L)</translation>
    </message>
    <message>
        <source>F&amp;ix</source>
        <translation>修复(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Fix Selected Finding…</source>
        <translation>修复所选问题(&amp;F)…</translation>
    </message>
    <message>
        <source>Make &amp;Workload Restricted…</source>
        <translation>使工作负载符合 restricted(&amp;W)…</translation>
    </message>
    <message>
        <source>Make F&amp;ile Restricted…</source>
        <translation>使文件符合 restricted(&amp;I)…</translation>
    </message>
    <message>
        <source>Make Workspace &amp;Restricted…</source>
        <translation>使工作区符合 restricted(&amp;R)…</translation>
    </message>
    <message>
        <source>&lt;h3&gt;PodSec Explorer %1&lt;/h3&gt;&lt;p&gt;Evaluates Kubernetes workloads against the Pod Security Standards exactly as kube-apiserver&apos;s Pod Security Admission does.&lt;/p&gt;&lt;p&gt;Policy versions: %2 and latest.&lt;/p&gt;&lt;p&gt;Syntax colouring: %3.&lt;/p&gt;&lt;p&gt;Built with:&lt;/p&gt;&lt;ul&gt;%4&lt;/ul&gt;</source>
        <translation>&lt;h3&gt;PodSec Explorer %1&lt;/h3&gt;&lt;p&gt;依据 Pod 安全标准（Pod Security Standards）评估 Kubernetes 工作负载，结果与 kube-apiserver 的 Pod Security Admission 完全一致。&lt;/p&gt;&lt;p&gt;策略版本：%2 和 latest。&lt;/p&gt;&lt;p&gt;语法着色：%3。&lt;/p&gt;&lt;p&gt;构建所用组件：&lt;/p&gt;&lt;ul&gt;%4&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
    <message>
        <source>Connect to &amp;Cluster…</source>
        <translation>连接到集群(&amp;K)…</translation>
    </message>
    <message>
        <source>Cannot connect</source>
        <translation>无法连接</translation>
    </message>
    <message>
        <source>Run a credential plugin?</source>
        <translation>运行凭据插件？</translation>
    </message>
    <message>
        <source>To log in as &quot;%1&quot;, the kubeconfig asks to run this program:

%2

Run it now (and for this kubeconfig from now on)?</source>
        <translation>要以 &quot;%1&quot; 身份登录，kubeconfig 请求运行以下程序：

%2

现在运行它吗（今后对此 kubeconfig 也一律运行）？</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Cannot read the cluster</source>
        <translation>无法读取集群</translation>
    </message>
    <message>
        <source>PodSec Explorer — %1 (%2, Kubernetes %3)</source>
        <translation>PodSec Explorer — %1（%2，Kubernetes %3）</translation>
    </message>
    <message>
        <source>TLS verification OFF</source>
        <translation>TLS 验证已关闭</translation>
    </message>
    <message numerus="yes">
        <source>Read %n list page(s) from Kubernetes %1</source>
        <translation>
            <numerusform>已从 Kubernetes %1 读取 %n 个列表页</numerusform>
        </translation>
    </message>
    <message>
        <source>policy version set to %1</source>
        <translation>策略版本已设为 %1</translation>
    </message>
    <message numerus="yes">
        <source>Reading %1… %n list page(s) so far</source>
        <translation>
            <numerusform>正在读取 %1… 已读取 %n 个列表页</numerusform>
        </translation>
    </message>
    <message>
        <source>CREDENTIALS SENT UNENCRYPTED (http)</source>
        <translation>凭据以明文发送（http）</translation>
    </message>
    <message numerus="yes">
        <source>%n files</source>
        <translation>
            <numerusform>%n 个文件</numerusform>
        </translation>
    </message>
    <message>
        <source>%1[*] — PodSec Explorer</source>
        <translation>%1[*] — PodSec Explorer</translation>
    </message>
    <message>
        <source>Save a Cop&amp;y As…</source>
        <translation>另存副本(&amp;Y)…</translation>
    </message>
    <message>
        <source>Reloa&amp;d</source>
        <translation>重新加载(&amp;D)</translation>
    </message>
    <message>
        <source>Namespace W&amp;hat-If…</source>
        <translation>命名空间假设分析(&amp;H)…</translation>
    </message>
    <message>
        <source>A cluster is only read: fix the manifests it came from</source>
        <translation>集群仅供读取：请修复其来源清单</translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n 个警告</numerusform>
        </translation>
    </message>
    <message>
        <source>Show the Problems panel</source>
        <translation>显示“问题”面板</translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation>无法打开 %1</translation>
    </message>
    <message>
        <source>%1 cannot be opened in the editor:
%2</source>
        <translation>无法在编辑器中打开 %1：
%2</translation>
    </message>
    <message>
        <source>&amp;Problems</source>
        <translation>问题(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Kustomize Command…</source>
        <translation>Kustomize 命令(&amp;K)…</translation>
    </message>
    <message>
        <source>Kustomize command</source>
        <translation>Kustomize 命令</translation>
    </message>
    <message>
        <source>Render kustomizations with (empty: &quot;kubectl kustomize&quot; when kubectl is installed, else &quot;kustomize build&quot;):</source>
        <translation>渲染 kustomization 所用的命令（留空：已安装 kubectl 时用 &quot;kubectl kustomize&quot;，否则用 &quot;kustomize build&quot;）：</translation>
    </message>
    <message>
        <source>The new setting applies at the next Reload</source>
        <translation>新设置将在下次重新加载时生效</translation>
    </message>
    <message>
        <source>Helm &amp;Values Files…</source>
        <translation>Helm &amp;Values 文件…</translation>
    </message>
    <message>
        <source>Workloads</source>
        <translation>工作负载</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>访问</translation>
    </message>
    <message>
        <source>Rules </source>
        <translation>规则 </translation>
    </message>
    <message>
        <source>Rule sets</source>
        <translation>规则集</translation>
    </message>
    <message>
        <source>Pod Security Standards, the security checklist, or both</source>
        <translation>Pod 安全标准、安全检查清单，或两者</translation>
    </message>
    <message>
        <source>Pod Security</source>
        <translation>Pod 安全</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>检查清单</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>两者</translation>
    </message>
    <message numerus="yes">
        <source>%n controller(s) whose pods enforce rejects</source>
        <translation>
            <numerusform>%n 个控制器的 Pod 会被强制模式拒绝</numerusform>
        </translation>
    </message>
    <message>
        <source>Rows the filter keeps</source>
        <translation>筛选保留的行</translation>
    </message>
    <message>
        <source>Nothing fails</source>
        <translation>没有不通过的项</translation>
    </message>
    <message>
        <source>No row matches “%1”</source>
        <translation>没有与“%1”匹配的行</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n workload(s)</source>
        <translation>
            <numerusform>%n 个工作负载中的 %1 个</numerusform>
        </translation>
    </message>
    <message>
        <source>O&amp;verview</source>
        <translation>概览(&amp;V)</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Namespace %1 is not in the tree</source>
        <translation>命名空间 %1 不在树中</translation>
    </message>
    <message>
        <source>The tree shows the failing rows of check %1</source>
        <translation>树中显示检查 %1 不通过的行</translation>
    </message>
    <message>
        <source>&amp;Export Report…</source>
        <translation>导出报告(&amp;E)…</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>报告已写入 %1</translation>
    </message>
    <message>
        <source>Rollout &amp;Plan for All Namespaces…</source>
        <translation>所有命名空间的推行计划(&amp;P)…</translation>
    </message>
    <message>
        <source>Co&amp;mpare Versions…</source>
        <translation>比较版本(&amp;M)…</translation>
    </message>
    <message>
        <source>The workload is no longer in the tree</source>
        <translation>该工作负载已不在树中</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>%1 has no unsaved edits</source>
        <translation>%1 没有未保存的编辑</translation>
    </message>
    <message>
        <source>No file has unsaved edits</source>
        <translation>没有文件有未保存的编辑</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n file(s): %1</source>
        <translation>
            <numerusform>已保存 %n 个文件：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Rese&amp;t Sample Workspace…</source>
        <translation>重置示例工作区(&amp;T)…</translation>
    </message>
    <message>
        <source>Puts the sample workspace back as it was shipped (for the next class)</source>
        <translation>把示例工作区恢复为随软件附带的原样（供下一堂课使用）</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n row(s)</source>
        <translation>
            <numerusform>已复制 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>Reset the sample workspace?</source>
        <translation>重置示例工作区？</translation>
    </message>
    <message>
        <source>Put the sample workspace back as it was shipped?</source>
        <translation>要把示例工作区恢复为随软件附带的原样吗？</translation>
    </message>
    <message>
        <source>Every fix and edit saved in %1 is lost: its files are replaced by the sample&apos;s.</source>
        <translation>%1 中已保存的所有修复和编辑都会丢失：其中的文件将被示例的原始文件替换。</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>重置(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Keep My Changes</source>
        <translation>保留我的更改(&amp;K)</translation>
    </message>
    <message>
        <source>Reset failed</source>
        <translation>重置失败</translation>
    </message>
    <message>
        <source>The sample workspace was not reset: %1
Its files are unchanged.</source>
        <translation>示例工作区未被重置：%1
其中的文件没有改变。</translation>
    </message>
    <message>
        <source>The sample workspace is as shipped again (%1)</source>
        <translation>示例工作区已恢复为随软件附带的原样（%1）</translation>
    </message>
    <message>
        <source>&amp;Controls…</source>
        <translation>控制项目录(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Next Failing Field</source>
        <translation>下一个不通过的字段(&amp;N)</translation>
    </message>
    <message>
        <source>Previo&amp;us Failing Field</source>
        <translation>上一个不通过的字段(&amp;U)</translation>
    </message>
    <message>
        <source>No failing field in the tree</source>
        <translation>树中没有不通过的字段</translation>
    </message>
    <message>
        <source>Pre&amp;senter View</source>
        <translation>演示视图(&amp;S)</translation>
    </message>
    <message>
        <source>Full screen, large text and badges, every column in view (F11 or Escape leaves)</source>
        <translation>全屏显示，文字和徽标放大，所有列都在视野内（按 F11 或 Esc 退出）</translation>
    </message>
    <message>
        <source>Leave the Presenter View</source>
        <translation>退出演示视图</translation>
    </message>
    <message>
        <source>Edi&amp;tor</source>
        <translation>编辑器(&amp;T)</translation>
    </message>
    <message>
        <source>Shows or hides the YAML editor</source>
        <translation>显示或隐藏 YAML 编辑器</translation>
    </message>
    <message>
        <source>&amp;Workload Tree</source>
        <translation>工作负载树(&amp;W)</translation>
    </message>
    <message>
        <source>Shows or hides the workload tree (and the Access and Overview tabs); the details stay</source>
        <translation>显示或隐藏工作负载树（以及“访问”和“概览”标签页）；详情窗格保留</translation>
    </message>
    <message>
        <source>Presenter view: F11 or Escape leaves it</source>
        <translation>演示视图：按 F11 或 Esc 退出</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>The lesson&apos;s workspace could not be made: %1</source>
        <translation>无法创建课程的工作区：%1</translation>
    </message>
    <message>
        <source>%1 is not a lesson folder: it has no start/ folder.</source>
        <translation>%1 不是课程文件夹：其中没有 start/ 文件夹。</translation>
    </message>
    <message>
        <source>Lesson “%1”: its workspace is a fresh copy in %2</source>
        <translation>课程“%1”：其工作区是位于 %2 的全新副本</translation>
    </message>
    <message>
        <source>Reset the lesson?</source>
        <translation>重置课程？</translation>
    </message>
    <message>
        <source>Go back to the start of “%1”?</source>
        <translation>回到“%1”的起点？</translation>
    </message>
    <message>
        <source>Every edit of the lesson&apos;s files, saved or not, is lost, and the hints are hidden again.</source>
        <translation>对课程文件的所有编辑（无论是否已保存）都会丢失，提示也会重新隐藏。</translation>
    </message>
    <message>
        <source>&amp;Keep Working</source>
        <translation>继续学习(&amp;K)</translation>
    </message>
    <message>
        <source>The lesson is back at its start</source>
        <translation>课程已回到起点</translation>
    </message>
    <message>
        <source>The workspace open is not the lesson&apos;s: start the lesson again to see its solution</source>
        <translation>当前打开的工作区不是课程的工作区：请重新开始课程以查看答案</translation>
    </message>
    <message>
        <source>%1 as in the solution</source>
        <translation>按答案修改 %1</translation>
    </message>
    <message>
        <source>The lesson&apos;s solution</source>
        <translation>课程的答案</translation>
    </message>
    <message>
        <source>Nothing changed: the files are as in the solution, or the preview was cancelled</source>
        <translation>没有任何更改：文件已与答案相同，或预览已取消</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>语言(&amp;G)</translation>
    </message>
</context>
<context>
    <name>PodSec::Ui::NamespaceChipDelegate</name>
    <message>
        <source>%1 (no label: the default)</source>
        <translation>%1（未设标签：默认值）</translation>
    </message>
</context>
<context>
    <name>PodSec::Ui::OriginFixDialog</name>
    <message>
        <source>Fix %1 in the files it came from</source>
        <translation>在 %1 的来源文件中修复</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Nothing in %1 can be fixed in the files it came from: what fails is set by a patch or changed on the way. The details name where to change it.</source>
        <translation>%1 中没有可以在来源文件里修复的内容：失败的值由补丁设置，或在渲染途中被改变。详情中写明了应在何处修改。</translation>
    </message>
    <message numerus="yes">
        <source>Checked by rendering %1 again with these changes. Write Files changes %n file(s) on disk now; this cannot be undone in the editor.</source>
        <translation>
            <numerusform>已用这些更改重新渲染 %1 并核对。“写入文件”会立即修改磁盘上的 %n 个文件；此操作无法在编辑器中撤销。</numerusform>
        </translation>
    </message>
    <message>
        <source>Not kept: %1</source>
        <translation>未保留：%1</translation>
    </message>
    <message>
        <source>&amp;Write Files</source>
        <translation>写入文件(&amp;W)</translation>
    </message>
</context>
<context>
    <name>PodSec::Ui::OverviewPage</name>
    <message>
        <source>Namespaces in the workspace, declared or named by a workload</source>
        <translation>工作区中的命名空间：已声明的，或由工作负载指定的</translation>
    </message>
    <message>
        <source>Pods and the controllers and templates that create Pods</source>
        <translation>Pod，以及创建 Pod 的控制器和模板</translation>
    </message>
    <message>
        <source>Workloads of kind Pod</source>
        <translation>类型为 Pod 的工作负载</translation>
    </message>
    <message>
        <source>Pods the enforce mode of their namespace rejects (the tree&apos;s “Reject” badges)</source>
        <translation>被所在命名空间的 enforce 模式拒绝的 Pod（树中的“拒绝”标记）</translation>
    </message>
    <message>
        <source>Controllers whose Pods the enforce mode would reject (the tree&apos;s “Pods rejected” badges)</source>
        <translation>其 Pod 会被 enforce 模式拒绝的控制器（树中的“Pod 被拒绝”标记）</translation>
    </message>
    <message>
        <source>Workloads that fail the restricted level (the tree&apos;s “Fail” badges under Restricted)</source>
        <translation>未通过 restricted 级别的工作负载（树中“受限”列的“不通过”标记）</translation>
    </message>
    <message>
        <source>Readiness per namespace</source>
        <translation>各命名空间的就绪情况</translation>
    </message>
    <message>
        <source>Workloads per namespace by the strictest level they meet. Click a namespace to select it in the tree.</source>
        <translation>按所满足的最严格级别统计的各命名空间工作负载。点击命名空间可在树中选中它。</translation>
    </message>
    <message>
        <source>meet restricted</source>
        <translation>满足 restricted</translation>
    </message>
    <message>
        <source>meet baseline only</source>
        <translation>仅满足 baseline</translation>
    </message>
    <message>
        <source>need privileged</source>
        <translation>需要 privileged</translation>
    </message>
    <message>
        <source>Workloads failing each check. Click a check to filter the tree by it.</source>
        <translation>每项检查不通过的工作负载数。点击检查可按它筛选树。</translation>
    </message>
    <message>
        <source>Checks that fail most</source>
        <translation>不通过最多的检查</translation>
    </message>
    <message>
        <source>No check fails.</source>
        <translation>没有失败的检查。</translation>
    </message>
    <message>
        <source>Rejected by enforce</source>
        <translation>被 enforce 拒绝</translation>
    </message>
    <message>
        <source>Pods rejected</source>
        <translation>被拒绝的 Pod</translation>
    </message>
    <message>
        <source>controllers whose Pods would be rejected</source>
        <translation>其 Pod 会被拒绝的控制器</translation>
    </message>
    <message>
        <source>Rejected by enforce per namespace</source>
        <translation>各命名空间被 enforce 拒绝的情况</translation>
    </message>
    <message>
        <source>No namespace&apos;s enforce mode rejects a workload here.</source>
        <translation>这里没有任何命名空间的 enforce 模式拒绝工作负载。</translation>
    </message>
    <message>
        <source>Nothing loaded.
Open a manifest file or folder (File → Open) or connect to a cluster to see the overview.</source>
        <translation>尚未加载任何内容。
打开清单文件或文件夹（文件 → 打开）或连接到集群即可查看概览。</translation>
    </message>
    <message>
        <source>No namespaces or workloads in this workspace.</source>
        <translation>此工作区中没有命名空间或工作负载。</translation>
    </message>
    <message>
        <source>Policy version %1; “failing” means failing %2; enforce as the namespaces&apos; labels or the policy bar say.</source>
        <translation>策略版本 %1；“不通过”指未通过 %2；enforce 依据命名空间的标签或策略栏的设置。</translation>
    </message>
    <message>
        <source>namespaces</source>
        <translation>命名空间</translation>
    </message>
    <message>
        <source>workloads</source>
        <translation>工作负载</translation>
    </message>
    <message>
        <source>Pods</source>
        <translation>Pod</translation>
    </message>
    <message>
        <source>Pods rejected by enforce</source>
        <translation>被 enforce 拒绝的 Pod</translation>
    </message>
    <message>
        <source>controllers whose Pods enforce rejects</source>
        <translation>其 Pod 被 enforce 拒绝的控制器</translation>
    </message>
    <message>
        <source>workloads failing %1</source>
        <translation>未通过 %1 的工作负载</translation>
    </message>
    <message>
        <source>%1: %2 of %3 workload(s) meet restricted</source>
        <translation>%1：%3 个工作负载中有 %2 个满足 restricted</translation>
    </message>
    <message>
        <source>%1: %2 of %3 workload(s) meet baseline only</source>
        <translation>%1：%3 个工作负载中有 %2 个仅满足 baseline</translation>
    </message>
    <message>
        <source>%1: %2 of %3 workload(s) need privileged</source>
        <translation>%1：%3 个工作负载中有 %2 个需要 privileged</translation>
    </message>
    <message>
        <source>%1 restricted · %2 baseline · %3 privileged</source>
        <translation>restricted %1 · baseline %2 · privileged %3</translation>
    </message>
    <message>
        <source>%1 (enforce %2, audit %3, warn %4)
%5 workload(s): %6 meet restricted, %7 baseline only, %8 need privileged</source>
        <translation>%1（enforce %2，audit %3，warn %4）
%5 个工作负载：%6 个满足 restricted，%7 个仅满足 baseline，%8 个需要 privileged</translation>
    </message>
    <message>
        <source>%1: enforce %2 rejects %3 Pod(s)</source>
        <translation>%1：enforce %2 拒绝 %3 个 Pod</translation>
    </message>
    <message>
        <source>%1: enforce %2 would reject the Pods of %3 controller(s)</source>
        <translation>%1：enforce %2 会拒绝 %3 个控制器的 Pod</translation>
    </message>
    <message>
        <source>%1 Pod(s) · %2 controller(s)</source>
        <translation>%1 个 Pod · %2 个控制器</translation>
    </message>
    <message>
        <source>%1 enforces %2: %3 Pod(s) rejected, the Pods of %4 controller(s) would be</source>
        <translation>%1 的 enforce 为 %2：%3 个 Pod 被拒绝，%4 个控制器的 Pod 会被拒绝</translation>
    </message>
    <message>
        <source>%1: %2 workload(s) fail it at %3</source>
        <translation>%1：%2 个工作负载在 %3 下不通过</translation>
    </message>
    <message>
        <source>Checks that fail most at %1</source>
        <translation>在 %1 下失败最多的检查</translation>
    </message>
</context>
<context>
    <name>PodSec::Ui::ProblemsModel</name>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重性</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
</context>
<context>
    <name>PodSec::Ui::ProblemsPanel</name>
    <message numerus="yes">
        <source>Problems (%n)</source>
        <translation>
            <numerusform>问题 (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>No problems: every file was read and parsed.</source>
        <translation>没有问题：所有文件均已读取并解析。</translation>
    </message>
    <message>
        <source>No workspace open.</source>
        <translation>未打开工作区。</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy &amp;Message</source>
        <translation>复制消息(&amp;M)</translation>
    </message>
</context>
<context>
    <name>PodSec::Ui::RecoveryController</name>
    <message>
        <source>Recover unsaved edits?</source>
        <translation>恢复未保存的编辑？</translation>
    </message>
    <message numerus="yes">
        <source>A PodSec Explorer window did not close normally and left unsaved edits to %n file(s) of this workspace.</source>
        <translation>
            <numerusform>一个 PodSec Explorer 窗口未正常关闭，留下了此工作区中 %n 个文件的未保存编辑。</numerusform>
        </translation>
    </message>
    <message>
        <source>Recover puts the edits back into the editor as unsaved changes (Undo shows the file as it is on disk). Discard deletes them.</source>
        <translation>“恢复”会把这些编辑作为未保存的更改放回编辑器（撤销可显示磁盘上的文件内容）。“丢弃”会删除它们。</translation>
    </message>
    <message>
        <source>&amp;Recover</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>丢弃(&amp;D)</translation>
    </message>
    <message>
        <source>Ask &amp;Later</source>
        <translation>稍后再问(&amp;L)</translation>
    </message>
</context>
<context>
    <name>PodSec::Ui::ReportExport</name>
    <message>
        <source>Export Report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>HTML report (*.html);;Markdown (*.md);;CSV, one row per workload (*.csv);;PDF (*.pdf)</source>
        <translation>HTML 报告 (*.html);;Markdown (*.md);;CSV，每个工作负载一行 (*.csv);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>%1 was not written: %2</source>
        <translation>未能写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>PodSec::Ui::RolloutPlanDialog</name>
    <message>
        <source>Rollout Plan for All Namespaces</source>
        <translation>所有命名空间的推行计划</translation>
    </message>
    <message>
        <source>&amp;Target level:</source>
        <translation>目标级别(&amp;T)：</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>命名空间</translation>
    </message>
    <message>
        <source>Workloads</source>
        <translation>工作负载</translation>
    </message>
    <message>
        <source>Pods</source>
        <translation>Pod</translation>
    </message>
    <message>
        <source>Enforces now</source>
        <translation>当前强制</translation>
    </message>
    <message>
        <source>Meets</source>
        <translation>满足</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Select a namespace to see the checks its workloads fail, or a line to read it whole.</source>
        <translation>选择一个命名空间以查看其工作负载未通过的检查，或选择一行以阅读全文。</translation>
    </message>
    <message>
        <source>&amp;Copy Script</source>
        <translation>复制脚本(&amp;C)</translation>
    </message>
    <message>
        <source>Save &amp;Script…</source>
        <translation>保存脚本(&amp;S)…</translation>
    </message>
    <message>
        <source>Save &amp;Patches…</source>
        <translation>保存补丁(&amp;P)…</translation>
    </message>
    <message>
        <source>The window judges every namespace at %1 now, not by its labels: what the plan counts as rejected follows that choice.</source>
        <translation>窗口当前按 %1 评估所有命名空间，而不是按其标签：计划中统计的被拒绝数量也随此选择。</translation>
    </message>
    <message>
        <source>system namespace: left as it is</source>
        <translation>系统命名空间：保持不变</translation>
    </message>
    <message>
        <source>exempt by the admission configuration: left as it is</source>
        <translation>已被准入配置豁免：保持不变</translation>
    </message>
    <message>
        <source>nothing to change</source>
        <translation>无需更改</translation>
    </message>
    <message>
        <source>version labels only</source>
        <translation>仅版本标签</translation>
    </message>
    <message>
        <source>repair invalid labels: %1</source>
        <translation>修复无效标签：%1</translation>
    </message>
    <message>
        <source>%1 (enforce stays: some workloads meet only %2)</source>
        <translation>%1（强制级别不变：部分工作负载只满足 %2）</translation>
    </message>
    <message numerus="yes">
        <source>%1, rejects %n workload(s)</source>
        <translation>
            <numerusform>%1，拒绝 %n 个工作负载</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n workload(s) fail %1, which the namespace enforces now: their Pods are rejected.</source>
        <translation>
            <numerusform>%n 个工作负载不满足命名空间当前强制的 %1：它们的 Pod 会被拒绝。</numerusform>
        </translation>
    </message>
    <message>
        <source>Dry run of the target: %1</source>
        <translation>目标级别的试运行：%1</translation>
    </message>
    <message>
        <source>(no warnings: enforce does not get stricter, so no pods are checked)</source>
        <translation>（无警告：强制级别没有变严格，因此不检查 Pod）</translation>
    </message>
    <message>
        <source>(no warnings: the API server checks only existing Pods, and the namespace has none here; templates are not checked)</source>
        <translation>（无警告：API 服务器只检查现有的 Pod，而此处该命名空间没有 Pod；不检查模板）</translation>
    </message>
    <message>
        <source>(no warnings: every pod meets %1)</source>
        <translation>（无警告：所有 Pod 均满足 %1）</translation>
    </message>
    <message>
        <source>Plan: %1</source>
        <translation>计划：%1</translation>
    </message>
    <message>
        <source>Plan: nothing to change</source>
        <translation>计划：无需更改</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n namespace(s) enforce %2 afterwards; applying the plan rejects no workload its namespace admits now.</source>
        <translation>
            <numerusform>执行计划后，%n 个命名空间中有 %1 个强制 %2；应用此计划不会拒绝其命名空间当前允许的任何工作负载。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n workload(s) fail %2:</source>
        <translation>
            <numerusform>%n 个工作负载中有 %1 个不满足 %2：</numerusform>
        </translation>
    </message>
    <message>
        <source>Every workload meets %1.</source>
        <translation>所有工作负载均满足 %1。</translation>
    </message>
    <message>
        <source>Save Script</source>
        <translation>保存脚本</translation>
    </message>
    <message>
        <source>Shell scripts (*.sh);;All files (*)</source>
        <translation>Shell 脚本 (*.sh);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Save Patches</source>
        <translation>保存补丁</translation>
    </message>
    <message>
        <source>YAML files (*.yaml *.yml);;All files (*)</source>
        <translation>YAML 文件 (*.yaml *.yml);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>PodSec::Ui::SampleWorkspace</name>
    <message>
        <source>Cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <source>No files in %1</source>
        <translation>%1 中没有文件</translation>
    </message>
</context>
<context>
    <name>PodSec::Ui::SelectionSync</name>
    <message>
        <source>large file (%1 MB): showing lines %2–%3, read-only</source>
        <translation>大文件（%1 MB）：显示第 %2–%3 行，只读</translation>
    </message>
    <message>
        <source>A fix is available: click the light bulb.</source>
        <translation>有可用的修复：请点击灯泡图标。</translation>
    </message>
    <message numerus="yes">
        <source>(and %Ln more fields here: YAML aliases)</source>
        <translation>
            <numerusform>（此处还有 %Ln 个字段：YAML 别名）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(and %Ln more reasons)</source>
        <translation>
            <numerusform>（还有 %Ln 条原因）</numerusform>
        </translation>
    </message>
    <message>
        <source>deleted on disk</source>
        <translation>已在磁盘上删除</translation>
    </message>
    <message>
        <source>read from the cluster (%1), read-only</source>
        <translation>从集群读取（%1），只读</translation>
    </message>
    <message>
        <source>lines %1–%2, read-only</source>
        <translation>第 %1–%2 行，只读</translation>
    </message>
</context>
<context>
    <name>PodSec::Ui::SeverityBadge</name>
    <message>
        <source>deny</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>danger</source>
        <translation>危险</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>info</source>
        <translation>提示</translation>
    </message>
</context>
<context>
    <name>PodSec::Ui::ValuesFilesDialog</name>
    <message>
        <source>Helm values files</source>
        <translation>Helm values 文件</translation>
    </message>
    <message>
        <source>Every chart is rendered with its own values.yaml, then with these files in this order (helm template --values):</source>
        <translation>每个 chart 先用它自己的 values.yaml 渲染，再按此顺序使用这些文件（helm template --values）：</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>Add values files</source>
        <translation>添加 values 文件</translation>
    </message>
    <message>
        <source>YAML files (*.yaml *.yml);;All files (*)</source>
        <translation>YAML 文件 (*.yaml *.yml);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>PodSec::Ui::WhatIfDialog</name>
    <message>
        <source>What if the labels of %1 change?</source>
        <translation>如果 %1 的标签改变会怎样？</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>(no label)</source>
        <translation>（无标签）</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Every current workload of this namespace already meets: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>此命名空间的所有现有工作负载均已满足：&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>kubectl label --dry-run=server would answer:</source>
        <translation>kubectl label --dry-run=server 将返回：</translation>
    </message>
    <message>
        <source>Command:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <source>Patch (kubectl patch namespace … --type merge):</source>
        <translation>补丁（kubectl patch namespace … --type merge）：</translation>
    </message>
    <message>
        <source>(no pods are checked: enforce does not get stricter)</source>
        <translation>（不检查任何 Pod：enforce 没有变得更严格）</translation>
    </message>
    <message>
        <source>%1 (invalid)</source>
        <translation>%1（无效）</translation>
    </message>
    <message>
        <source>(nothing to change)</source>
        <translation>（无需更改）</translation>
    </message>
    <message>
        <source>The pods behind each warning (open a line to see all of them):</source>
        <translation>每条警告涉及的 Pod（展开一行即可查看全部）：</translation>
    </message>
    <message>
        <source>The label %1=&quot;%2&quot; is invalid (%3). The API server evaluates %4 as %5 while it stays, and rejects a new namespace that has it.</source>
        <translation>标签 %1=&quot;%2&quot; 无效（%3）。只要它还在，API 服务器就按 %5 评估 %4，并拒绝创建带有该标签的新命名空间。</translation>
    </message>
    <message>
        <source>Nothing to change: these are the namespace&apos;s labels as they are. Pick another level or version to see what the API server would answer.</source>
        <translation>无需更改：这些就是该命名空间当前的标签。选择其他级别或版本，即可查看 API 服务器会如何响应。</translation>
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
    <message>
        <source>%1 (invalid)</source>
        <translation>%1（无效）</translation>
    </message>
    <message>
        <source>Helm chart %1</source>
        <translation>Helm chart %1</translation>
    </message>
    <message>
        <source>Kustomize %1</source>
        <translation>Kustomize %1</translation>
    </message>
    <message>
        <source>needs kubectl or kustomize to render; not evaluated</source>
        <translation>需要 kubectl 或 kustomize 才能渲染；未评估</translation>
    </message>
    <message>
        <source>needs helm to render; not evaluated. To evaluate it: %1</source>
        <translation>需要 helm 才能渲染；未评估。评估方法：%1</translation>
    </message>
    <message>
        <source>could not render; not evaluated: %1</source>
        <translation>无法渲染；未评估：%1</translation>
    </message>
    <message>
        <source>(value not shown)</source>
        <translation>（值不显示）</translation>
    </message>
    <message>
        <source>Cluster-scoped objects</source>
        <translation>集群范围的对象</translation>
    </message>
    <message numerus="yes">
        <source>%n checklist finding(s); the most severe: %1</source>
        <translation>
            <numerusform>%n 项检查清单发现；最严重：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>检查清单</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message numerus="yes">
        <source>%n workload(s)</source>
        <translation>
            <numerusform>%n 个工作负载</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n Pod(s) rejected</source>
        <translation>
            <numerusform>%n 个 Pod 被拒绝</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pods of %n controller(s) rejected</source>
        <translation>
            <numerusform>%n 个控制器的 Pod 被拒绝</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warned</source>
        <translation>
            <numerusform>%n 个警告</numerusform>
        </translation>
    </message>
    <message>
        <source>from the cluster</source>
        <translation>来自集群</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>--select %1: no such row (a namespace, or namespace/workload as the tree shows it)</source>
        <translation>--select %1：没有这一行（应为命名空间，或树中显示的 命名空间/工作负载）</translation>
    </message>
</context>
</TS>
