/**
 * @module serverOnlyIssueModel — a small procedure that every check of the modeler accepts (metadata, agency, budget,
 * every node reachable) but the engine refuses on deploy: its routing uses a complex gateway, which the engine does
 * not execute (UNSUPPORTED_ELEMENT). It shows the server's issues reaching the diagram.
 */
export const SERVER_ONLY_ISSUE_GATEWAY = 'Gateway_Complex';

export const serverOnlyIssueXml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:lt="https://lienthong.gov.vn/schema/bpmn/1.0" id="Definitions_Complex" targetNamespace="https://lienthong.gov.vn/procedures">
  <bpmn:process id="Process_Complex" name="Xác nhận tình trạng hôn nhân" isExecutable="true">
    <bpmn:extensionElements>
      <lt:procedure procedureCode="1.004873" name="Cấp giấy xác nhận tình trạng hôn nhân" statutoryValue="3" statutoryUnit="workingDays" supplementPolicy="pause" />
    </bpmn:extensionElements>
    <bpmn:startEvent id="Start" name="Nhận hồ sơ" />
    <bpmn:userTask id="Task_Verify" name="Kiểm tra hồ sơ">
      <bpmn:extensionElements>
        <lt:assignment agency="ubnd-xa-demo" />
        <lt:budget value="2" unit="workingDays" />
      </bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:complexGateway id="Gateway_Complex" name="Đủ điều kiện?" />
    <bpmn:endEvent id="End" name="Trả kết quả" />
    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_Verify" />
    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Verify" targetRef="Gateway_Complex" />
    <bpmn:sequenceFlow id="Flow_3" sourceRef="Gateway_Complex" targetRef="End" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_Complex">
    <bpmndi:BPMNPlane id="BPMNPlane_Complex" bpmnElement="Process_Complex">
      <bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="182" y="182" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Task_Verify_di" bpmnElement="Task_Verify"><dc:Bounds x="280" y="160" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Gateway_Complex_di" bpmnElement="Gateway_Complex"><dc:Bounds x="445" y="175" width="50" height="50" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="End_di" bpmnElement="End"><dc:Bounds x="562" y="182" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="Flow_1_di" bpmnElement="Flow_1"><di:waypoint x="218" y="200" /><di:waypoint x="280" y="200" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="Flow_2_di" bpmnElement="Flow_2"><di:waypoint x="380" y="200" /><di:waypoint x="445" y="200" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="Flow_3_di" bpmnElement="Flow_3"><di:waypoint x="495" y="200" /><di:waypoint x="562" y="200" /></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>`;

/**
 * A procedure drawn in a pool whose process has no start event: the modeler's rules leave that to the engine, which
 * names the process (NO_START_EVENT); the modeler shows it on the pool.
 */
export const POOL_WITHOUT_START = 'Participant_NoStart';

export const poolWithoutStartXml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:lt="https://lienthong.gov.vn/schema/bpmn/1.0" id="Definitions_NoStart" targetNamespace="https://lienthong.gov.vn/procedures">
  <bpmn:collaboration id="Collaboration_NoStart">
    <bpmn:participant id="Participant_NoStart" name="UBND xã Demo" processRef="Process_NoStart" />
  </bpmn:collaboration>
  <bpmn:process id="Process_NoStart" name="Chứng thực bản sao" isExecutable="true">
    <bpmn:extensionElements>
      <lt:procedure procedureCode="2.000815" name="Chứng thực bản sao từ bản chính" statutoryValue="1" statutoryUnit="workingDays" supplementPolicy="pause" />
    </bpmn:extensionElements>
    <bpmn:userTask id="Task_Certify" name="Chứng thực">
      <bpmn:extensionElements>
        <lt:assignment agency="ubnd-xa-demo" />
        <lt:budget value="1" unit="workingDays" />
      </bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:endEvent id="End_Certified" name="Trả bản sao" />
    <bpmn:sequenceFlow id="Flow_Certified" sourceRef="Task_Certify" targetRef="End_Certified" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_NoStart">
    <bpmndi:BPMNPlane id="BPMNPlane_NoStart" bpmnElement="Collaboration_NoStart">
      <bpmndi:BPMNShape id="Participant_NoStart_di" bpmnElement="Participant_NoStart" isHorizontal="true"><dc:Bounds x="160" y="100" width="500" height="200" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Task_Certify_di" bpmnElement="Task_Certify"><dc:Bounds x="280" y="160" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="End_Certified_di" bpmnElement="End_Certified"><dc:Bounds x="462" y="182" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="Flow_Certified_di" bpmnElement="Flow_Certified"><di:waypoint x="380" y="200" /><di:waypoint x="462" y="200" /></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>`;
